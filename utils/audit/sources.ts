// Where each rule's advice comes from (issue #14, "Words people trust"): one table, keyed by finding code, that the
// engine attaches to every finding as `source`. Every URL is one our research cites (../shared/research/*.md; a
// meta-test checks each against those files); a rule known only from an onboarding seed, the API specification or a
// source without a public address has a label and no URL. Keyed by FindingCode, so a new code needs its source to
// compile.
import type { Finding, FindingCode } from './types';

export interface Source {
  label: string;
  url?: string;
}

const CIN7_HELP = 'https://help.core.cin7.com/hc/en-us/articles/';

const CHARTS_URL = `${CIN7_HELP}9034460268815-Charts-of-Accounts-and-Other-Financial-Settings`;
const SETUP_ACCOUNTS: Source = { label: 'Cin7 Core help: Setting up accounts in Xero', url: `${CIN7_HELP}12119947800591-Setting-up-accounts-in-Xero` };
const MAPPING: Source = { label: 'Account Mapping, as Cin7 Core words it (PencilPay knowledge base)', url: 'https://support.pencilpay.com/knowledge/cin7-account-mapping' };
const INTEGRATING_SEED = (topic: string): Source => ({ label: `Onboarding seed “Integrating Cin7 Core with Xero”: ${topic}` });
const BASICS: Source = { label: 'Cin7 Core help: Xero Integration Basics', url: `${CIN7_HELP}9034616938511-Xero-Integration-Basics` };
const XERO_LOCK_DATES: Source = { label: 'Xero help: Lock dates', url: 'https://help.xero.com/us/Settings_LockDate' };
const OVERRIDES: Source = { label: 'Cin7 Core help: Charts of Accounts and Other Financial Settings (order of priority)', url: CHARTS_URL };

export const SOURCES: Readonly<Record<FindingCode, Source>> = Object.freeze({
  MAPPING_UNKNOWN: MAPPING,
  MAPPING_MISSING: MAPPING,
  MAPPING_NOT_UNIQUE: MAPPING,
  ACCOUNT_NOT_FOUND: SETUP_ACCOUNTS,
  ACCOUNT_ARCHIVED: { label: 'Xero: "Account code has been archived, or has been deleted" (Expend help)', url: 'https://help.expend.com/en/articles/3346425-a-xero-account-code-has-been-archived' },
  ACCOUNT_TYPE_MISMATCH: SETUP_ACCOUNTS,
  PAYMENTS_NOT_ENABLED: SETUP_ACCOUNTS,
  PAYMENTS_ENABLED: SETUP_ACCOUNTS,
  SYSTEM_ACCOUNT_MAPPED: { label: 'Xero developer community (Xero staff): system accounts', url: 'https://community.xero.com/developer/discussion/92539695' },
  ACCOUNT_WITHOUT_CODE: {
    label: 'GrowthPath notes: an account without a code is invisible to Cin7 Core',
    url: 'https://docs.google.com/document/d/e/2PACX-1vTzXIkDKMlJcDv3aLRvZ58BkmzWwqsYUt_EAm2Wie1yInH0h4r0_uYIvDGUa77Pgh49jpnl8mE6mkMj/pub',
  },
  BANK_ACCOUNT_WITHOUT_CODE: INTEGRATING_SEED('Setting Up Your Finances'),
  TRACKED_INVENTORY: BASICS,
  BASE_CURRENCY_MISMATCH: { label: 'Cin7 Core help: Connecting Cin7 Core and Xero', url: `${CIN7_HELP}9034588410383-Connecting-Cin7-Core-and-Xero` },
  CURRENCY_NOT_ENABLED: { label: 'Xero help: Currency settings', url: 'https://help.xero.com/CurrencySettings' },
  LOCK_DATE_NOT_SET: { ...XERO_LOCK_DATES, label: 'Xero help: Lock dates; onboarding seed “Managing Financial Periods”' },
  LOCK_DATE_MISALIGNED: { label: 'Cin7 Core help: Financial settings (period lock date)', url: `${CIN7_HELP}11073339810575-Financial-settings` },
  DOCUMENT_IN_LOCKED_PERIOD: XERO_LOCK_DATES,
  TAX_RULE_ACCOUNT_INVALID: { label: 'Cin7 Core API v2 reference: Tax rules (ref/tax), account of class LIABILITY' },
  OVERRIDE_ACCOUNT_INVALID: OVERRIDES,
  OVERRIDE_ACCOUNT_TYPE: OVERRIDES,
  SERVICE_PRODUCT_NO_EXPENSE_ACCOUNT: INTEGRATING_SEED('Handling Non-Inventory Costs'),
  RECORD_TAX_RULE_INVALID: { label: 'Cin7 Core help: Charts of Accounts and Other Financial Settings (tax rules on products, customers and suppliers)', url: CHARTS_URL },
  TAX_RULE_NOT_IN_XERO: { label: 'Cin7 Core help: Xero sync options (tax rules)', url: `${CIN7_HELP}13000978343695-Xero-sync-options` },
  TAX_RATE_NOT_APPLICABLE: { label: 'Xero Accounting API: TaxRates (CanApplyTo… flags); "The TaxType code cannot be used with account code"' },
});

/** The finding with its rule's source (kept if a rule set one itself). */
export function withSource<F extends Finding>(finding: F): F {
  return finding.source ? finding : { ...finding, source: SOURCES[finding.code] };
}
