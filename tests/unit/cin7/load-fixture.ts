import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function fixtureHtml(name: string): string {
  return readFileSync(resolve(process.cwd(), 'tests/fixtures/cin7', name), 'utf8');
}

/** Replaces the test document's body with the fixture page's body (parsed, never assigned as innerHTML). */
export function loadFixture(name: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
  const body = document.adoptNode(parsed.body);
  document.body.replaceWith(body);
  return body;
}
