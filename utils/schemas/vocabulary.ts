// Xero's vocabulary comes from xero-node's generated models (small, no Node built-ins), so it follows the
// official OpenAPI spec. The spec drifts behind the live API, so our schemas keep unknown values too.
import { AccountType } from 'xero-node/dist/gen/model/accounting/accountType';
import { Account } from 'xero-node/dist/gen/model/accounting/account';

const valuesOf = (enumObject: object): string[] =>
  [...new Set(Object.values(enumObject).filter((v): v is string => typeof v === 'string'))];

export const XERO_ACCOUNT_TYPES = valuesOf(AccountType);
export const XERO_ACCOUNT_CLASSES = valuesOf(Account.ClassEnum);
export const XERO_ACCOUNT_STATUSES = valuesOf(Account.StatusEnum);
export const XERO_SYSTEM_ACCOUNTS = valuesOf(Account.SystemAccountEnum).filter((v) => v !== '');
