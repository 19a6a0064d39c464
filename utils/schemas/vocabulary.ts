// Xero's vocabulary, copied from the official OpenAPI spec (xero_accounting.yaml 16.1.0, the same values as xero-node's
// generated models). Kept as literals so the extension does not load xero-node at run time; the contract test
// (tests/unit/schemas/vocabulary.contract.test.ts) fails when xero-node or the spec disagree with these lists.
// The live API drifts ahead of the spec, so the schemas keep unknown values too (see tolerant.ts).

// Account `Type` (schema AccountType). Xero's Types page also lists PAYGLIABILITY, SUPERANNUATION…, WAGESEXPENSE,
// which the spec dropped in 2023: they are kept as unknown values, never rejected.
export const XERO_ACCOUNT_TYPE_VALUES = [
  'BANK', 'CURRENT', 'CURRLIAB', 'DEPRECIATN', 'DIRECTCOSTS', 'EQUITY', 'EXPENSE', 'FIXED', 'INVENTORY', 'LIABILITY',
  'NONCURRENT', 'OTHERINCOME', 'OVERHEADS', 'PREPAYMENT', 'REVENUE', 'SALES', 'TERMLIAB', 'PAYG',
] as const;

/** Account `Class` (read-only). */
export const XERO_ACCOUNT_CLASS_VALUES = [
  'ASSET', 'EQUITY', 'EXPENSE', 'LIABILITY', 'REVENUE',
] as const;

/** Account `Status`. */
export const XERO_ACCOUNT_STATUS_VALUES = [
  'ACTIVE', 'ARCHIVED', 'DELETED',
] as const;

/** Account `SystemAccount`; normal accounts send "" or nothing, which is not a value here. */
export const XERO_SYSTEM_ACCOUNT_VALUES = [
  'DEBTORS', 'CREDITORS', 'BANKCURRENCYGAIN', 'GST', 'GSTONIMPORTS', 'HISTORICAL', 'REALISEDCURRENCYGAIN',
  'RETAINEDEARNINGS', 'ROUNDING', 'TRACKINGTRANSFERS', 'UNPAIDEXPCLM', 'UNREALISEDCURRENCYGAIN', 'WAGEPAYABLES',
  'CISASSETS', 'CISASSET', 'CISLABOUR', 'CISLABOUREXPENSE', 'CISLABOURINCOME', 'CISLIABILITY', 'CISMATERIALS',
] as const;

/** Account `BankAccountType` (BANK accounts only; others send ""). */
export const XERO_BANK_ACCOUNT_TYPE_VALUES = [
  'BANK', 'CREDITCARD', 'PAYPAL', 'NONE',
] as const;

/** Organisation `Version`. */
export const XERO_ORGANISATION_VERSION_VALUES = [
  'AU', 'NZ', 'GLOBAL', 'UK', 'US', 'AUONRAMP', 'NZONRAMP', 'GLOBALONRAMP', 'UKONRAMP', 'USONRAMP',
] as const;

/** Organisation `Class` (the plan). BASICLITE was added in 2026 after SDKs failed on it. */
export const XERO_ORGANISATION_CLASS_VALUES = [
  'DEMO', 'TRIAL', 'STARTER', 'STANDARD', 'PREMIUM', 'PREMIUM_20', 'PREMIUM_50', 'PREMIUM_100', 'LEDGER',
  'GST_CASHBOOK', 'NON_GST_CASHBOOK', 'ULTIMATE', 'LITE', 'ULTIMATE_10', 'ULTIMATE_20', 'ULTIMATE_50',
  'ULTIMATE_100', 'IGNITE', 'GROW', 'COMPREHENSIVE', 'SIMPLE', 'BASICLITE', 'ULTRA',
] as const;

/** Organisation `Edition`. */
export const XERO_ORGANISATION_EDITION_VALUES = [
  'BUSINESS', 'PARTNER',
] as const;

/** Organisation `OrganisationType` and `OrganisationEntityType`. */
export const XERO_ORGANISATION_TYPE_VALUES = [
  'ACCOUNTING_PRACTICE', 'COMPANY', 'CHARITY', 'CLUB_OR_SOCIETY', 'INDIVIDUAL', 'LOOK_THROUGH_COMPANY',
  'NOT_FOR_PROFIT', 'PARTNERSHIP', 'S_CORPORATION', 'SELF_MANAGED_SUPERANNUATION_FUND', 'SOLE_TRADER',
  'SUPERANNUATION_FUND', 'TRUST', 'PERSONAL', 'SINGLEMEMBERLLC', 'CCORPORATIONLLC', 'PARTNERSHIPLLC',
  'SCORPORATIONLLC', 'LLC', 'NOTLLC', 'UNSPECIFIED',
] as const;

/** TrackingCategory and TrackingOption `Status`. */
export const XERO_TRACKING_STATUS_VALUES = [
  'ACTIVE', 'ARCHIVED', 'DELETED',
] as const;

/** TaxRate `Status`. */
export const XERO_TAX_RATE_STATUS_VALUES = [
  'ACTIVE', 'DELETED', 'ARCHIVED', 'PENDING',
] as const;

/** TaxRate `ReportTaxType`. */
export const XERO_REPORT_TAX_TYPE_VALUES = [
  'AVALARA', 'BASEXCLUDED', 'CAPITALSALESOUTPUT', 'CAPITALEXPENSESINPUT', 'ECOUTPUT', 'ECOUTPUTSERVICES', 'ECINPUT',
  'ECACQUISITIONS', 'EXEMPTEXPENSES', 'EXEMPTINPUT', 'EXEMPTOUTPUT', 'GSTONIMPORTS', 'INPUT', 'INPUTTAXED',
  'MOSSSALES', 'NONE', 'NONEOUTPUT', 'OUTPUT', 'PURCHASESINPUT', 'SALESOUTPUT', 'EXEMPTCAPITAL', 'EXEMPTEXPORT',
  'CAPITALEXINPUT', 'GSTONCAPIMPORTS', 'GSTONCAPITALIMPORTS', 'REVERSECHARGES', 'PAYMENTS', 'INVOICE', 'CASH',
  'ACCRUAL', 'FLATRATECASH', 'FLATRATEACCRUAL', 'ACCRUALS', 'TXCA', 'SRCAS', 'DSOUTPUT', 'BLINPUT2', 'EPINPUT',
  'IMINPUT2', 'MEINPUT', 'IGDSINPUT2', 'ESN33OUTPUT', 'OPINPUT', 'OSOUTPUT', 'TXN33INPUT', 'TXESSINPUT', 'TXREINPUT',
  'TXPETINPUT', 'NRINPUT', 'ES33OUTPUT', 'ZERORATEDINPUT', 'ZERORATEDOUTPUT', 'DRCHARGESUPPLY', 'DRCHARGE',
  'CAPINPUT', 'CAPIMPORTS', 'IMINPUT', 'INPUT2', 'CIUINPUT', 'SRINPUT', 'OUTPUT2', 'SROUTPUT', 'CAPOUTPUT',
  'SROUTPUT2', 'CIUOUTPUT', 'ZROUTPUT', 'ZREXPORT', 'ACC28PLUS', 'ACCUPTO28', 'OTHEROUTPUT', 'SHOUTPUT', 'ZRINPUT',
  'BADDEBT', 'OTHERINPUT', 'BADDEBTRELIEF', 'IGDSINPUT3', 'SROVR', 'TOURISTREFUND', 'TXRCN33', 'TXRCRE', 'TXRCESS',
  'TXRCTS', 'CAPEXINPUT', 'UNDEFINED', 'CAPEXOUTPUT', 'ZEROEXPOUTPUT', 'GOODSIMPORT', 'NONEINPUT', 'NOTREPORTED',
  'SROVRRS', 'SROVRLVG', 'SRLVG', 'IM', 'IMESS', 'IMN33', 'IMRE', 'BADDEBTRECOVERY', 'USSALESTAX', 'BLINPUT3',
] as const;

/** CurrencyCode (ISO 4217 as Xero knows it): Currency `Code`, Organisation `BaseCurrency`, Account `CurrencyCode`. */
export const XERO_CURRENCY_CODE_VALUES = [
  'AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BHD', 'BIF',
  'BMD', 'BND', 'BOB', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BYR', 'BZD', 'CAD', 'CDF', 'CHF', 'CLF', 'CLP', 'CNY',
  'COP', 'CRC', 'CUC', 'CUP', 'CVE', 'CZK', 'DJF', 'DKK', 'DOP', 'DZD', 'EEK', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD',
  'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GNF', 'GTQ', 'GYD', 'HKD', 'HNL', 'HRK', 'HTG', 'HUF', 'IDR', 'ILS',
  'INR', 'IQD', 'IRR', 'ISK', 'JMD', 'JOD', 'JPY', 'KES', 'KGS', 'KHR', 'KMF', 'KPW', 'KRW', 'KWD', 'KYD', 'KZT',
  'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'LTL', 'LVL', 'LYD', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRO',
  'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MXV', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'OMR', 'PAB',
  'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'PYG', 'QAR', 'RON', 'RSD', 'RUB', 'RWF', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK',
  'SGD', 'SHP', 'SKK', 'SLE', 'SLL', 'SOS', 'SRD', 'STD', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TND',
  'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'UGX', 'USD', 'UYU', 'UZS', 'VEF', 'VES', 'VND', 'VUV', 'WST', 'XAF',
  'XCD', 'XOF', 'XPF', 'YER', 'ZAR', 'ZMW', 'ZMK', 'ZWD',
] as const;

export type XeroAccountTypeValue = (typeof XERO_ACCOUNT_TYPE_VALUES)[number];
export type XeroAccountClassValue = (typeof XERO_ACCOUNT_CLASS_VALUES)[number];
export type XeroAccountStatusValue = (typeof XERO_ACCOUNT_STATUS_VALUES)[number];
export type XeroSystemAccountValue = (typeof XERO_SYSTEM_ACCOUNT_VALUES)[number];

// The first draft's names, kept as plain string lists for callers that test arbitrary strings with `includes`.
export const XERO_ACCOUNT_TYPES: string[] = [...XERO_ACCOUNT_TYPE_VALUES];
export const XERO_ACCOUNT_CLASSES: string[] = [...XERO_ACCOUNT_CLASS_VALUES];
export const XERO_ACCOUNT_STATUSES: string[] = [...XERO_ACCOUNT_STATUS_VALUES];
export const XERO_SYSTEM_ACCOUNTS: string[] = [...XERO_SYSTEM_ACCOUNT_VALUES];
