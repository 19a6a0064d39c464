// What the Firefox smoke test does on a page, with puppeteer's element handles. Not its locators or waitForFunction:
// locators wait for animation frames, which a background tab never gets, and waitForFunction compiles its predicate
// with Function(), which an extension page's CSP refuses.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ElementHandle, Page } from 'puppeteer-core';

/** Calls `read` until `accept` holds and returns that value; on timeout, the error says the last value (or `explain`). */
export async function poll<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 15_000,
  explain?: () => Promise<unknown>,
): Promise<T> {
  let last: T | undefined;
  let lastError: unknown;
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(200)) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (error) {
      lastError = error; // a page still loading or navigating
    }
  }
  const said = explain ? await explain().catch(() => undefined) : undefined;
  throw new Error(`Timed out after ${timeoutMs} ms; last value ${JSON.stringify(last)?.slice(0, 300)}${said ? `; the page says ${JSON.stringify(said)}` : ''}`, {
    cause: lastError,
  });
}

/** The text of the first element matching `selector`, or null when there is none. */
export function pageText(page: Page, selector: string): Promise<string | null> {
  return page.$eval(selector, (element) => element.textContent).catch(() => null);
}

async function byRole(page: Page, name: string, role?: string): Promise<ElementHandle> {
  const query = `::-p-aria([name=${JSON.stringify(name)}]${role ? `[role="${role}"]` : ''})`;
  const handle = await page.waitForSelector(query, { timeout: 15_000 });
  if (!handle) throw new Error(`no element named "${name}"`);
  return handle as ElementHandle;
}

/** Clicks the button whose accessible name is `name` (as a person would: real pointer input over BiDi). */
export async function clickButton(page: Page, name: string): Promise<void> {
  await (await byRole(page, name, 'button')).click();
}

/**
 * The form control whose `<label>` reads `label` (its `control`, as a click on the label would reach), once enabled.
 * Found in the page rather than through the accessibility tree, which Firefox rebuilds slowly while a page re-renders.
 */
async function enabledControl(page: Page, label: string): Promise<ElementHandle> {
  const find = () =>
    page.evaluateHandle((text) => {
      const found = [...document.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === text)?.control;
      return found && !(found as HTMLInputElement).disabled ? found : null;
    }, label);
  const handle = await poll(find, (candidate) => candidate.asElement() !== null);
  return handle.asElement() as ElementHandle;
}

/** Clicks the checkbox labelled `label` once it is enabled (real pointer input: a user gesture). */
export async function clickCheckbox(page: Page, label: string): Promise<void> {
  await (await enabledControl(page, label)).click();
}

/** Chooses the option whose value is `value` in the drop-down labelled `label` (the change event a choice fires). */
export async function chooseOption(page: Page, label: string, value: string): Promise<void> {
  const select = (await enabledControl(page, label)) as ElementHandle<HTMLSelectElement>;
  await select.select(value);
}

/** Types `text` into the field labelled `label` (real key input). */
export async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await (await byRole(page, label)).type(text);
}
