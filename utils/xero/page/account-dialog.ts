// The account's Edit popup and the Archive / Delete confirmations on the chart of accounts. A popup is an ARIA dialog
// or an Ext JS window (`.x-window`, title in `.x-window-header-text`: Xero's classic confirmations, fidelity.md);
// the edit form is recognised by its labels ("Code", "Account Type"), a confirmation by its title or its words.
import { ANY_POPUP, BUTTON, HEADING, POPUP_BODY, POPUP_TITLE, TAB } from './selectors';
import { normalise, selectCode, controlValue, visibleText } from './dom-text';
import { controlByLabel } from './fields';

export interface AccountDialog {
  dialog: HTMLElement;
  /** Where a warning goes: the popup's content area (an Ext JS window's body), else the dialog itself. */
  warningHost: HTMLElement;
  /** 'edit' for the account form; 'archive' / 'delete' for a confirmation. */
  kind: 'edit' | 'archive' | 'delete';
  /** The code in the form (as it was when the dialog opened, if the user is editing it), or null. */
  code: string | null;
  /** The chosen type's API code (`DIRECTCOSTS`) when the form has a type select, else null. */
  typeCode: string | null;
  typeLabel: string;
}

const isCodeLabel = (label: string) => label === 'code' || label === 'account code';
const isTypeLabel = (label: string) => label === 'account type' || label === 'type';

function titleOf(dialog: HTMLElement): string {
  const labelledBy = dialog.getAttribute('aria-labelledby');
  const title = labelledBy ? dialog.ownerDocument.getElementById(labelledBy) : (dialog.querySelector(POPUP_TITLE) ?? dialog.querySelector(HEADING));
  return normalise(title ? visibleText(title) : (dialog.getAttribute('aria-label') ?? ''));
}

/** Ext JS hides a closed window (and may keep it for the next time) rather than removing it. */
function isShown(dialog: HTMLElement): boolean {
  if (dialog.hidden || dialog.getAttribute('aria-hidden') === 'true') return false;
  const style = dialog.ownerDocument.defaultView?.getComputedStyle(dialog);
  return !style || (style.display !== 'none' && style.visibility !== 'hidden');
}

/** Account popups under `root`; `candidates` (tracked dialogs and Ext JS windows) spares a query of the whole page. */
export function readAccountDialogs(root: ParentNode, candidates?: Iterable<Element>): AccountDialog[] {
  const dialogs: AccountDialog[] = [];
  const found = candidates ? [...new Set(candidates)].filter((element): element is HTMLElement => element instanceof HTMLElement && element.matches(ANY_POPUP)) : root.querySelectorAll<HTMLElement>(ANY_POPUP);
  for (const dialog of found) {
    if (dialog.closest('[data-mg-own]') || !isShown(dialog)) continue;
    const warningHost = dialog.querySelector<HTMLElement>(POPUP_BODY) ?? dialog;
    const codeControl = controlByLabel(dialog, isCodeLabel);
    const typeControl = controlByLabel(dialog, isTypeLabel);
    const title = titleOf(dialog);
    const words = normalise(visibleText(dialog));
    const base = { dialog, warningHost, code: null, typeCode: null, typeLabel: '' };
    if (codeControl) {
      dialogs.push({
        ...base,
        kind: 'edit',
        code: controlValue(codeControl) || codeControl.getAttribute('value') || null,
        typeCode: typeControl ? selectCode(typeControl) : null,
        typeLabel: typeControl ? controlValue(typeControl) : '',
      });
    } else if (/\barchive\b/.test(title) || /\barchive (?:the |this |these )?(?:selected )?accounts?\b/.test(words)) {
      dialogs.push({ ...base, kind: 'archive' });
    } else if (/\bdelete\b/.test(title) || /\bdelete (?:the |this |these )?(?:selected )?accounts?\b/.test(words)) {
      dialogs.push({ ...base, kind: 'delete' });
    }
  }
  return dialogs;
}

/** A link that goes somewhere (a tab, a menu entry), as opposed to one a script turns into an action (`#`). */
function navigates(element: Element): boolean {
  const href = element.getAttribute('href')?.trim();
  return Boolean(href) && !/^(?:#|javascript:)/i.test(href!);
}

/**
 * The bulk action a clicked control stands for on the chart ("Archive", "Delete": found by their words, a button or
 * a link such as the classic page's `<a>Delete</a>`), or null. Tabs and links that navigate are not actions.
 */
export function bulkActionOf(button: Element): 'archive' | 'delete' | null {
  if (button.closest(TAB) || navigates(button)) return null;
  const text = normalise(visibleText(button) || button.getAttribute('aria-label') || (button as HTMLInputElement).value || '');
  if (text === 'archive' || text === 'archive selected' || text === 'archive accounts') return 'archive';
  if (text === 'delete' || text === 'delete selected' || text === 'delete accounts') return 'delete';
  return null;
}

/** The bulk action of the control a click hit, or null; a popup's own Archive / Delete / OK is not one. */
export function bulkActionAt(target: EventTarget | null): 'archive' | 'delete' | null {
  const button = target instanceof Element ? target.closest(BUTTON) : null;
  return button && !button.closest(ANY_POPUP) ? bulkActionOf(button) : null;
}
