// Raw Xero Accounting API JSON (PascalCase, as the API sends it). We validate the fields we use and keep the rest.
import { z } from 'zod';
import { optionalText, tolerantEnum } from './tolerant';
import {
  XERO_ACCOUNT_CLASSES,
  XERO_ACCOUNT_STATUSES,
  XERO_ACCOUNT_TYPES,
  XERO_SYSTEM_ACCOUNTS,
} from './vocabulary';

export const xeroAccountType = tolerantEnum(XERO_ACCOUNT_TYPES);
export const xeroAccountClass = tolerantEnum(XERO_ACCOUNT_CLASSES);
export const xeroAccountStatus = tolerantEnum(XERO_ACCOUNT_STATUSES);
export const xeroSystemAccount = tolerantEnum(XERO_SYSTEM_ACCOUNTS);

export const xeroAccountSchema = z.looseObject({
  AccountID: z.string().optional(),
  Code: optionalText,
  Name: z.string(),
  Type: xeroAccountType,
  Status: xeroAccountStatus.optional(),
  Class: xeroAccountClass.optional(),
  SystemAccount: xeroSystemAccount.nullish(),
  EnablePaymentsToAccount: z.boolean().optional(),
  BankAccountNumber: optionalText,
  BankAccountType: optionalText,
  CurrencyCode: optionalText,
  TaxType: optionalText,
  UpdatedDateUTC: optionalText,
});
export type XeroAccount = z.infer<typeof xeroAccountSchema>;

export const xeroOrganisationSchema = z.looseObject({
  OrganisationID: z.string().optional(),
  Name: z.string(),
  LegalName: optionalText,
  ShortCode: optionalText,
  BaseCurrency: z.string(),
  CountryCode: optionalText,
  Timezone: optionalText,
  Version: optionalText,
  PeriodLockDate: optionalText,
  EndOfYearLockDate: optionalText,
  FinancialYearEndDay: z.number().optional(),
  FinancialYearEndMonth: z.number().optional(),
});
export type XeroOrganisation = z.infer<typeof xeroOrganisationSchema>;

const itemDetailsSchema = z.looseObject({
  UnitPrice: z.number().nullish(),
  AccountCode: optionalText,
  COGSAccountCode: optionalText,
  TaxType: optionalText,
});

export const xeroItemSchema = z.looseObject({
  ItemID: z.string().optional(),
  Code: z.string(),
  Name: optionalText,
  IsSold: z.boolean().optional(),
  IsPurchased: z.boolean().optional(),
  IsTrackedAsInventory: z.boolean().optional(),
  InventoryAssetAccountCode: optionalText,
  QuantityOnHand: z.number().nullish(),
  TotalCostPool: z.number().nullish(),
  SalesDetails: itemDetailsSchema.nullish(),
  PurchaseDetails: itemDetailsSchema.nullish(),
  UpdatedDateUTC: optionalText,
});
export type XeroItem = z.infer<typeof xeroItemSchema>;

export const xeroTrackingStatus = tolerantEnum(['ACTIVE', 'ARCHIVED', 'DELETED'] as const);

export const xeroTrackingCategorySchema = z.looseObject({
  TrackingCategoryID: z.string().optional(),
  Name: z.string(),
  Status: xeroTrackingStatus.optional(),
  Options: z
    .array(z.looseObject({ TrackingOptionID: z.string().optional(), Name: z.string(), Status: xeroTrackingStatus.optional() }))
    .optional(),
});
export type XeroTrackingCategory = z.infer<typeof xeroTrackingCategorySchema>;

export const xeroCurrencySchema = z.looseObject({ Code: z.string(), Description: optionalText });
export type XeroCurrency = z.infer<typeof xeroCurrencySchema>;

export const xeroTaxRateStatus = tolerantEnum(['ACTIVE', 'DELETED', 'ARCHIVED', 'PENDING'] as const);

export const xeroTaxRateSchema = z.looseObject({
  Name: z.string(),
  TaxType: optionalText,
  Status: xeroTaxRateStatus.optional(),
  ReportTaxType: optionalText,
  EffectiveRate: z.number().nullish(),
  DisplayTaxRate: z.number().nullish(),
  CanApplyToAssets: z.boolean().optional(),
  CanApplyToEquity: z.boolean().optional(),
  CanApplyToExpenses: z.boolean().optional(),
  CanApplyToLiabilities: z.boolean().optional(),
  CanApplyToRevenue: z.boolean().optional(),
});
export type XeroTaxRate = z.infer<typeof xeroTaxRateSchema>;

/** Response envelopes of the endpoints we read: `{ Id, Status, DateTimeUTC, <Collection>: [...] }`. */
export const xeroEnvelopes = {
  Organisation: z.looseObject({ Organisations: z.array(xeroOrganisationSchema) }),
  Accounts: z.looseObject({ Accounts: z.array(xeroAccountSchema) }),
  Items: z.looseObject({ Items: z.array(xeroItemSchema) }),
  TrackingCategories: z.looseObject({ TrackingCategories: z.array(xeroTrackingCategorySchema) }),
  Currencies: z.looseObject({ Currencies: z.array(xeroCurrencySchema) }),
  TaxRates: z.looseObject({ TaxRates: z.array(xeroTaxRateSchema) }),
};

/** `GET https://api.xero.com/connections` (identity). */
export const xeroConnectionSchema = z.looseObject({
  id: z.string(),
  tenantId: z.string(),
  tenantType: z.string(),
  tenantName: z.string().nullish(),
  authEventId: z.string().optional(),
  createdDateUtc: optionalText,
  updatedDateUtc: optionalText,
});
export const xeroConnectionsSchema = z.array(xeroConnectionSchema);
export type XeroConnection = z.infer<typeof xeroConnectionSchema>;
