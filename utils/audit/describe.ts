// Small wording helpers so every message names things the same way.
import type { XeroAccount } from '../schemas/xero';
import { typeLabel } from './roles';

/** "630 Inventory", or "Inventory (no code)". */
export function describeAccount(account: Pick<XeroAccount, 'Code' | 'Name'>): string {
  const code = account.Code?.trim();
  const name = account.Name.trim() || 'unnamed account';
  return code ? `${code} ${name}` : `${name} (no code)`;
}

/** "a Xero Inventory-type account (INVENTORY)". */
export function describeXeroType(type: string | null | undefined): string {
  const label = typeLabel(type);
  return type && label !== type ? `a Xero ${label} account (type ${type})` : `a Xero account of type ${type || 'unknown'}`;
}

/** "A, B and C"; long lists end "and N more". */
export function listNames(names: readonly string[], limit = 3): string {
  if (names.length === 0) return '';
  if (names.length > limit) return `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;
  if (names.length === 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
