// The Cin7 Core organisation reader on header markups the sandbox does not produce: it gathers the top bar's short
// visible texts (never hidden menus, never the page's own content), and the background's match picks the company.
import { describe, expect, it } from 'vitest';
import { cin7CompanyShown } from '../../../utils/background/tab-binding';
import { MAX_TEXTS, MAX_TEXT_LENGTH, readHeaderTexts } from '../../../utils/cin7/page/organisation';
import { HEADER_REGION } from '../../../utils/cin7/page/selectors';
import { fixtureHtml } from './load-fixture';

const KNOWN = ['Kauri Timber Co', 'Rimu Joinery Ltd'];

function load(name: string): Document {
  const parsed = new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
  document.title = parsed.title;
  document.body.replaceWith(document.adoptNode(parsed.body));
  return document;
}

describe('readHeaderTexts', () => {
  it('a Bootstrap navbar: the dropdown toggle’s text, not the closed organisation menu nor the page’s table', () => {
    const texts = readHeaderTexts(load('header-bootstrap-navbar.html'));
    expect(texts).toContain('Kauri Timber Co');
    expect(texts).not.toContain('Rimu Joinery Ltd');
    expect(cin7CompanyShown(texts, KNOWN)).toBe('Kauri Timber Co');
  });

  it('an ARIA banner: the picker’s chosen organisation and the title, not hidden copies nor the main content', () => {
    const texts = readHeaderTexts(load('header-aria-banner.html'));
    expect(texts).toContain('Rimu Joinery Ltd');
    expect(texts).not.toContain('Kauri Timber Co');
    expect(cin7CompanyShown(texts, KNOWN)).toBe('Rimu Joinery Ltd');
  });

  it('finds nothing to match on a page without a header, and stays within the protocol’s bounds', () => {
    document.title = '';
    const body = document.createElement('body');
    const bar = body.appendChild(document.createElement('header'));
    for (let i = 0; i < 100; i++) bar.appendChild(document.createElement('span')).textContent = `Item ${i}`;
    bar.appendChild(document.createElement('span')).textContent = 'x'.repeat(500);
    document.body.replaceWith(body);
    const texts = readHeaderTexts(document);
    expect(texts.length).toBeLessThanOrEqual(MAX_TEXTS);
    expect(texts.every((text) => text.length <= MAX_TEXT_LENGTH)).toBe(true);
    expect(cin7CompanyShown(texts, KNOWN)).toBeUndefined();
  });

  it('reads header regions anywhere outside the content and grids, outermost only, in document order', () => {
    document.title = '';
    const body = new DOMParser().parseFromString(`
      <div class="app-header"><span>Kauri Timber Co</span><div class="header-inner"><span>Inner text</span></div></div>
      <table><tr><td class="header-cell">Cell header</td></tr></table>
      <div role="grid"><div class="row-header">Grid header</div></div>
      <main><div class="section-header">Content header</div></main>
      <template><div class="header">Template header</div></template>
      <div aria-hidden="true"><nav>Hidden nav</nav></div>
      <footer><nav><span>Rimu Joinery Ltd</span></nav></footer>`, 'text/html').body;
    document.body.replaceWith(document.adoptNode(body));
    const texts = readHeaderTexts(document);
    expect(texts.indexOf('Kauri Timber Co')).toBeGreaterThanOrEqual(0);
    expect(texts).toContain('Inner text');
    expect(texts.indexOf('Rimu Joinery Ltd')).toBeGreaterThan(texts.indexOf('Inner text'));
    for (const outside of ['Cell header', 'Grid header', 'Content header', 'Template header', 'Hidden nav']) expect(texts).not.toContain(outside);
  });

  it('HEADER_REGION finds the top bar of both markups', () => {
    expect(load('header-bootstrap-navbar.html').querySelectorAll(HEADER_REGION).length).toBeGreaterThan(0);
    expect(load('header-aria-banner.html').querySelector(HEADER_REGION)?.id).toBe('app-bar');
  });
});
