// collectObstacles on a fake layout: every element's box comes from its data-box attribute ("left top width height"),
// so the test can tell which boxes were read. A long grid must be cut down to its rows in view.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectObstacles } from '../../../utils/overlay/obstacles';
import { markOwnNode } from '../../../utils/overlay/observe';

const viewport = { width: 1280, height: 800 };
let reads = 0;

function box(element: Element): DOMRect {
  reads++;
  const [left = 0, top = 0, width = 0, height = 0] = (element.getAttribute('data-box') ?? '0 0 0 0').split(' ').map(Number);
  return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) } as DOMRect;
}

beforeEach(() => {
  reads = 0;
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    return box(this);
  });
  // No layout engine here: every element with a box counts as visible.
  Object.defineProperty(Element.prototype, 'checkVisibility', { configurable: true, value: () => true });
  document.body.replaceChildren();
});
afterEach(() => vi.restoreAllMocks());

/** A grid of `count` 30 px rows scrolled by `scrollY`, each row with a link; rows listed in `hidden` have no box. */
function grid(count: number, scrollY: number, hidden: ReadonlySet<number> = new Set()): HTMLElement {
  const body = document.createElement('div');
  body.setAttribute('data-box', `0 ${-scrollY} 1280 ${count * 30}`);
  for (let index = 0; index < count; index++) {
    const row = document.createElement('div');
    const top = index * 30 - scrollY;
    row.setAttribute('data-box', hidden.has(index) ? '0 0 0 0' : `0 ${top} 1280 30`);
    const link = document.createElement('a');
    link.href = `#row-${index}`;
    link.textContent = `Row ${index}`;
    link.setAttribute('data-box', hidden.has(index) ? '0 0 0 0' : `10 ${top + 5} 120 20`);
    row.append(link);
    body.append(row);
  }
  return body;
}

describe('collectObstacles', () => {
  it('finds the controls in view of a 5,000-row grid while reading only a few hundred boxes', () => {
    document.body.append(grid(5000, 30_000));
    const obstacles = collectObstacles(document, viewport);
    // Rows 1000..1026 are in view (30,000 / 30 = 1000; 800 / 30 ≈ 27).
    expect(obstacles.length).toBeGreaterThanOrEqual(26);
    expect(obstacles.length).toBeLessThanOrEqual(28);
    expect(obstacles.every((rect) => rect.bottom > 0 && rect.top < viewport.height)).toBe(true);
    expect(reads).toBeLessThan(300);
  });

  it('still finds them when hidden rows (no box) are mixed in', () => {
    const hidden = new Set([999, 1000, 1001, 1013, 2500]);
    document.body.append(grid(5000, 30_000, hidden));
    const obstacles = collectObstacles(document, viewport);
    expect(obstacles.length).toBeGreaterThanOrEqual(22);
    expect(obstacles.some((rect) => rect.top === 1002 * 30 - 30_000 + 5)).toBe(true);
  });

  it('cuts the grid down when its first, middle or last row is hidden (a hidden first row reads as top 0)', () => {
    document.body.append(grid(5000, 100_000, new Set([0, 2500, 4999])));
    const obstacles = collectObstacles(document, viewport);
    expect(obstacles.length).toBeGreaterThanOrEqual(26);
    expect(reads).toBeLessThan(300);
  });

  it('walks every sibling when they are not stacked top to bottom (a row of columns)', () => {
    const row = document.createElement('div');
    row.setAttribute('data-box', '0 0 1280 40');
    for (let index = 0; index < 60; index++) {
      const button = document.createElement('button');
      button.textContent = `B${index}`;
      button.setAttribute('data-box', `${index * 20} 0 18 30`);
      row.append(button);
    }
    document.body.append(row);
    expect(collectObstacles(document, viewport)).toHaveLength(60);
  });

  it('leaves out our own nodes, big focusable containers and controls outside the viewport; dialogs count whole', () => {
    const own = markOwnNode(document.createElement('div'));
    const ours = document.createElement('button');
    ours.textContent = 'ours';
    ours.setAttribute('data-box', '10 10 50 20');
    own.append(ours);
    const container = document.createElement('div');
    container.tabIndex = 0;
    container.setAttribute('data-box', '0 0 1280 800');
    const below = document.createElement('button');
    below.setAttribute('data-box', '10 900 50 20');
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('data-box', '200 100 800 600');
    document.body.append(own, container, below, dialog);
    expect(collectObstacles(document, viewport)).toEqual([{ left: 200, top: 100, right: 1000, bottom: 700 }]);
  });

  it('takes dialogs from a given list instead of querying the document for them', () => {
    const tracked = document.createElement('div');
    tracked.setAttribute('data-box', '300 200 400 300');
    const untracked = document.createElement('div');
    untracked.setAttribute('role', 'dialog');
    untracked.setAttribute('data-box', '200 100 800 600');
    document.body.append(tracked, untracked);
    expect(collectObstacles(document, viewport, [tracked])).toEqual([{ left: 300, top: 200, right: 700, bottom: 500 }]);
  });

  it('finds every kind of control the selector names, past the cheap first look (SVG links included)', () => {
    const make = (tag: string, attributes: Record<string, string> = {}, namespace?: string) => {
      const element = namespace ? document.createElementNS(namespace, tag) : document.createElement(tag);
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      element.append('x');
      return element;
    };
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const svgLink = make('a', { href: '#y' }, 'http://www.w3.org/2000/svg');
    svg.append(svgLink);
    const details = document.createElement('details');
    const summary = make('summary');
    details.append(summary);
    const roles = ['button', 'link', 'checkbox', 'radio', 'switch', 'combobox', 'textbox', 'searchbox', 'slider', 'spinbutton', 'tab', 'menuitem', 'option'];
    const controls = [
      make('a', { href: '#x' }),
      make('button'),
      make('input', { type: 'text' }),
      make('select'),
      make('textarea'),
      summary,
      make('label', { for: 'x' }),
      make('div', { contenteditable: '' }),
      make('div', { contenteditable: 'true' }),
      make('div', { tabindex: '0' }),
      svgLink,
      ...roles.map((role) => make('div', { role })),
    ];
    const plain = [make('span'), make('input', { type: 'hidden' }), make('div', { tabindex: '-1' }), make('a')];
    [...controls, ...plain].forEach((element, index) => element.setAttribute('data-box', `${10 + index * 30} 10 20 20`));
    for (const element of [...controls, ...plain]) if (element !== summary && element !== svgLink) document.body.append(element);
    document.body.append(details, svg);
    expect(collectObstacles(document, viewport)).toHaveLength(controls.length);
  });
});
