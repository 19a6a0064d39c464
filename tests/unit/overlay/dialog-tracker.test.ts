// trackDialogs: the host's dialogs from one query plus what the page adds, never a whole-document query per ask.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sharedDialogTracker, trackDialogs } from '../../../utils/overlay/dialog-tracker';
import { HOST_DIALOG_SELECTOR } from '../../../utils/overlay/obstacles';

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  document.body.replaceChildren();
});
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

function element(tag: string, attributes: Record<string, string> = {}, ...children: Element[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

describe('trackDialogs', () => {
  it('finds the dialogs already in the page, in document order', () => {
    const first = element('div', { role: 'alertdialog', id: 'first' });
    const second = element('dialog', { open: '', id: 'second' });
    document.body.append(element('main', {}, element('section', {}, first)), second, element('div', { role: 'button' }));
    const dialogs = trackDialogs(document, HOST_DIALOG_SELECTOR, controller.signal);
    expect(dialogs().map((dialog) => dialog.id)).toEqual(['first', 'second']);
  });

  it('sees dialogs the page adds deep in its tree, and a role set on an element already there, without querying the document again', () => {
    const grid = element('table', {}, element('tbody', {}, element('tr', {}, element('td'))));
    const plain = element('div', { id: 'later' });
    document.body.append(grid, plain);
    const dialogs = trackDialogs(document, HOST_DIALOG_SELECTOR, controller.signal);
    expect(dialogs()).toEqual([]);
    const documentQuery = vi.spyOn(document, 'querySelectorAll');
    const cell = grid.querySelector('td') as HTMLElement;
    cell.append(element('div', {}, element('div', { role: 'dialog', id: 'deep' })));
    plain.setAttribute('aria-modal', 'true');
    expect(dialogs().map((dialog) => dialog.id)).toEqual(['deep', 'later']);
    expect(documentQuery).not.toHaveBeenCalled();
  });

  it('drops dialogs that left the page or stopped being dialogs', async () => {
    const removed = element('div', { role: 'dialog', id: 'removed' });
    const closed = element('dialog', { open: '', id: 'closed' });
    const kept = element('div', { role: 'dialog', id: 'kept' });
    document.body.append(removed, closed, kept);
    const dialogs = trackDialogs(document, HOST_DIALOG_SELECTOR, controller.signal);
    removed.remove();
    closed.removeAttribute('open');
    await Promise.resolve(); // the observer's records delivered in between asks
    expect(dialogs().map((dialog) => dialog.id)).toEqual(['kept']);
  });

  it('stops watching once its signal aborts', async () => {
    const dialogs = trackDialogs(document, HOST_DIALOG_SELECTOR, controller.signal);
    controller.abort();
    document.body.append(element('div', { role: 'dialog' }));
    await Promise.resolve();
    expect(dialogs()).toEqual([]);
  });

  it('is shared: one observer of the page for every user, stopped when the last one leaves', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const placement = new AbortController();
    const warnings = new AbortController();
    const first = sharedDialogTracker(document, placement.signal);
    const second = sharedDialogTracker(document, warnings.signal);
    expect(observe).toHaveBeenCalledTimes(1);
    document.body.append(element('div', { role: 'dialog', id: 'shared' }));
    expect(first().map((dialog) => dialog.id)).toEqual(['shared']);
    expect(second().map((dialog) => dialog.id)).toEqual(['shared']);
    placement.abort();
    expect(disconnect).not.toHaveBeenCalled();
    warnings.abort();
    expect(disconnect).toHaveBeenCalledTimes(1);
    // A user after that gets a tracker of its own again.
    const later = new AbortController();
    sharedDialogTracker(document, later.signal);
    expect(observe).toHaveBeenCalledTimes(2);
    later.abort();
  });

  it('tracks a second selector in the same observer, each user seeing only its own selector', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const placement = new AbortController();
    const warnings = new AbortController();
    document.body.append(element('div', { class: 'x-window', id: 'kept' }));
    const dialogs = sharedDialogTracker(document, placement.signal);
    const popups = sharedDialogTracker(document, warnings.signal, '[role="dialog"], .x-window');
    expect(observe).toHaveBeenCalledTimes(1);
    expect(popups().map((popup) => popup.id)).toEqual(['kept']);
    // An Ext JS window added later, deep in the page, and a dialog: each lookup keeps to its selector.
    document.body.append(element('div', {}, element('div', { class: 'x-window', id: 'later' })), element('div', { role: 'dialog', id: 'dialog' }));
    expect(popups().map((popup) => popup.id)).toEqual(['kept', 'later', 'dialog']);
    expect(dialogs().map((dialog) => dialog.id)).toEqual(['dialog']);
    document.getElementById('kept')!.remove();
    expect(popups().map((popup) => popup.id)).toEqual(['later', 'dialog']);
    placement.abort();
    warnings.abort();
  });
});
