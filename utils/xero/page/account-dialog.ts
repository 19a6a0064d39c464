// The account's Edit dialog and the Archive / Delete confirmations on the chart of accounts. Read by role (dialog)
// and label text ("Code", "Account Type"); a confirmation that names no code is recognised by its words.
import { DIALOG, HEADING } from './selectors';
import { normalise, selectCode, controlValue, visibleText } from './dom-text';
import { controlByLabel } from './fields';

export interface AccountDialog {
  dialog: HTMLElement;
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
  const title = labelledBy ? dialog.ownerDocument.getElementById(labelledBy) : dialog.querySelector(HEADING);
  return normalise(title ? visibleText(title) : (dialog.getAttribute('aria-label') ?? ''));
}

/** Account dialogs open under `root`; `candidates` (a trackDialogs lookup) spares a query of the whole page. */
export function readAccountDialogs(root: ParentNode, candidates?: Iterable<Element>): AccountDialog[] {
  const dialogs: AccountDialog[] = [];
  const found = candidates ? [...candidates].filter((element): element is HTMLElement => element instanceof HTMLElement && element.matches(DIALOG)) : root.querySelectorAll<HTMLElement>(DIALOG);
  for (const dialog of found) {
    if (dialog.closest('[data-mg-own]') || dialog.hidden || dialog.getAttribute('aria-hidden') === 'true') continue;
    const codeControl = controlByLabel(dialog, isCodeLabel);
    const typeControl = controlByLabel(dialog, isTypeLabel);
    const title = titleOf(dialog);
    const words = normalise(visibleText(dialog));
    if (codeControl) {
      dialogs.push({
        dialog,
        kind: 'edit',
        code: controlValue(codeControl) || codeControl.getAttribute('value') || null,
        typeCode: typeControl ? selectCode(typeControl) : null,
        typeLabel: typeControl ? controlValue(typeControl) : '',
      });
    } else if (/\barchive\b/.test(title) || /\barchive (?:the |this |these )?(?:selected )?accounts?\b/.test(words)) {
      dialogs.push({ dialog, kind: 'archive', code: null, typeCode: null, typeLabel: '' });
    } else if (/\bdelete\b/.test(title) || /\bdelete (?:the |this |these )?(?:selected )?accounts?\b/.test(words)) {
      dialogs.push({ dialog, kind: 'delete', code: null, typeCode: null, typeLabel: '' });
    }
  }
  return dialogs;
}

/** The action a clicked button stands for on the chart ("Archive", "Delete"), or null. */
export function bulkActionOf(button: Element): 'archive' | 'delete' | null {
  const text = normalise(visibleText(button) || button.getAttribute('aria-label') || (button as HTMLInputElement).value || '');
  if (text === 'archive' || text === 'archive selected' || text === 'archive accounts') return 'archive';
  if (text === 'delete' || text === 'delete selected' || text === 'delete accounts') return 'delete';
  return null;
}
