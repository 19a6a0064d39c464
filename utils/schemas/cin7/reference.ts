// Raw Cin7 Core API v2 reference data (PascalCase, as the API sends it): company settings (`me`), the chart of
// accounts (`ref/account`) and tax rules (`ref/tax`). Account fields hold codes; tax rules are referred to by name.
import { z } from 'zod';
import { numberOrText, optionalText } from '../tolerant';

/** `GET me`: company settings. `Currency` is the base currency; `LockDate` is Cin7's own period lock date. */
export const cin7MeSchema = z.looseObject({
  Company: optionalText,
  Currency: z.string(),
  TimeZone: optionalText,
  LockDate: optionalText,
  OpeningBalanceDate: optionalText,
  DefaultSaleTaxRuleName: optionalText,
  TaxCalculationMethod: optionalText,
});
export type Cin7Me = z.infer<typeof cin7MeSchema>;

/**
 * `ref/account` item. Types are Xero-style codes (CURRENT, CURRLIAB…) plus Cin7's own (TERMLIA, PAYGLIABILITY…), so
 * they stay free text. `SystemAccount` is a code (`DEBTORS`) in the spec's examples but a name ("Accounts
 * receivable") with a separate `SystemAccountCode` in other readings of the API: both are kept, see
 * `cin7SystemAccountCode`.
 */
export const cin7AccountSchema = z.looseObject({
  Code: z.string(),
  Name: z.string(),
  Type: optionalText,
  Class: optionalText,
  Status: optionalText,
  SystemAccount: optionalText,
  SystemAccountCode: optionalText,
  ForPayments: z.boolean().nullish(),
  DisplayName: optionalText,
  Description: optionalText,
  BankAccountId: optionalText,
  Currency: optionalText,
});
export type Cin7Account = z.infer<typeof cin7AccountSchema>;

const SYSTEM_ACCOUNT_CODE = /^[A-Z][A-Z0-9_]*$/;

/** The system-account code of a Cin7 account (`DEBTORS`, `GST`…), whichever form the API used; null if none. */
export function cin7SystemAccountCode(account: Pick<Cin7Account, 'SystemAccount' | 'SystemAccountCode'>): string | null {
  const code = account.SystemAccountCode?.trim();
  if (code) return code;
  const value = account.SystemAccount?.trim();
  return value && SYSTEM_ACCOUNT_CODE.test(value) ? value : null;
}

export const cin7TaxComponentSchema = z.looseObject({
  ID: optionalText,
  Name: optionalText,
  AccountCode: optionalText,
  Percent: numberOrText,
  ComponentOrder: numberOrText,
  Compound: z.union([z.boolean(), z.number(), z.string()]).nullish(),
});
export type Cin7TaxComponent = z.infer<typeof cin7TaxComponentSchema>;

/** `ref/tax` item. `Account` is the tax account code; products, contacts and lines refer to rules by `Name`. */
export const cin7TaxRuleSchema = z.looseObject({
  ID: z.string().optional(),
  Name: z.string(),
  Account: optionalText,
  IsActive: z.boolean().nullish(),
  TaxInclusive: z.boolean().nullish(),
  TaxPercent: z.number().nullish(),
  IsTaxForSale: z.boolean().nullish(),
  IsTaxForPurchase: z.boolean().nullish(),
  Components: z.array(cin7TaxComponentSchema).nullish(),
});
export type Cin7TaxRule = z.infer<typeof cin7TaxRuleSchema>;
