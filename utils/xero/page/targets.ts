// Finds the element an arrival target names (`mg-target=<kind>:<key>`) on a Xero page: an account row or bank
// account (by code, or by AccountID for bank accounts without a code), an item row, a currency row, a lock date.
import { accountKey } from '../../audit/account-text';
import type { LinkTarget } from '../../audit/links';
import { readBankAccounts } from './bank-accounts';
import { findChartRow } from './chart';
import { readCurrencies } from './currencies';
import { readItems } from './items';
import { readLockDates } from './lock-dates';

export function findXeroTarget(target: LinkTarget, root: ParentNode & Node = document): HTMLElement | null {
  const key = target.key.trim();
  switch (target.kind) {
    case 'account': {
      const row = findChartRow(key, root);
      if (row) return row.row;
      const bank = readBankAccounts(root).find(
        (account) => (account.code && accountKey(account.code) === accountKey(key)) || account.accountId === key.toLowerCase() || account.name === key,
      );
      return bank?.element ?? null;
    }
    case 'item':
      return readItems(root).find((item) => item.code.toLowerCase() === key.toLowerCase())?.row ?? null;
    case 'currency':
      return readCurrencies(root).find((row) => row.code === key.toUpperCase())?.row ?? null;
    case 'lock': {
      const dates = readLockDates(root);
      const field = key === 'endOfYear' ? dates.endOfYear : dates.period;
      return field ? (field.element.parentElement ?? field.element) : null;
    }
    default:
      return null;
  }
}
