// Raw Xero Accounting API JSON (PascalCase, as the API sends it). We validate the fields we use and keep the rest.
// Enum fields are tolerant (unknown values kept, listed by `unknownEnumValues`); dates stay text (see dates.ts).
import { z } from 'zod';
import { optionalText, tolerantEnum } from './tolerant';
import {
  XERO_ACCOUNT_CLASS_VALUES,
  XERO_ACCOUNT_STATUS_VALUES,
  XERO_ACCOUNT_TYPE_VALUES,
  XERO_BANK_ACCOUNT_TYPE_VALUES,
  XERO_CURRENCY_CODE_VALUES,
  XERO_ORGANISATION_CLASS_VALUES,
  XERO_ORGANISATION_EDITION_VALUES,
  XERO_ORGANISATION_TYPE_VALUES,
  XERO_ORGANISATION_VERSION_VALUES,
  XERO_REPORT_TAX_TYPE_VALUES,
  XERO_SYSTEM_ACCOUNT_VALUES,
  XERO_TAX_RATE_STATUS_VALUES,
  XERO_TRACKING_STATUS_VALUES,
} from './vocabulary';

export const xeroAccountType = tolerantEnum(XERO_ACCOUNT_TYPE_VALUES);
export const xeroAccountClass = tolerantEnum(XERO_ACCOUNT_CLASS_VALUES);
export const xeroAccountStatus = tolerantEnum(XERO_ACCOUNT_STATUS_VALUES);
export const xeroSystemAccount = tolerantEnum(XERO_SYSTEM_ACCOUNT_VALUES);
export const xeroBankAccountType = tolerantEnum(XERO_BANK_ACCOUNT_TYPE_VALUES);
export const xeroCurrencyCode = tolerantEnum(XERO_CURRENCY_CODE_VALUES);
export const xeroOrganisationVersion = tolerantEnum(XERO_ORGANISATION_VERSION_VALUES);
export const xeroOrganisationClass = tolerantEnum(XERO_ORGANISATION_CLASS_VALUES);
export const xeroOrganisationEdition = tolerantEnum(XERO_ORGANISATION_EDITION_VALUES);
export const xeroOrganisationType = tolerantEnum(XERO_ORGANISATION_TYPE_VALUES);
export const xeroTrackingStatus = tolerantEnum(XERO_TRACKING_STATUS_VALUES);
export const xeroTaxRateStatus = tolerantEnum(XERO_TAX_RATE_STATUS_VALUES);
export const xeroReportTaxType = tolerantEnum(XERO_REPORT_TAX_TYPE_VALUES);

/**
 * `GET /Accounts` item. `Code` is text ("091" keeps its zero) and may be missing (bank accounts without a code).
 * `SystemAccount` is "" or absent on normal accounts. `Status`/`Class` are absent in some of Xero's own examples.
 */
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
  BankAccountType: xeroBankAccountType.nullish(),
  CurrencyCode: xeroCurrencyCode.nullish(),
  TaxType: optionalText,
  Description: optionalText,
  ReportingCode: optionalText,
  UpdatedDateUTC: optionalText,
});
export type XeroAccount = z.infer<typeof xeroAccountSchema>;

/** `GET /Organisation` (`Organisations[0]`). Lock dates are MS dates (`/Date(ms+0000)/`), "shown if set". */
export const xeroOrganisationSchema = z.looseObject({
  OrganisationID: z.string().optional(),
  Name: z.string(),
  LegalName: optionalText,
  ShortCode: optionalText,
  BaseCurrency: xeroCurrencyCode,
  CountryCode: optionalText,
  Timezone: optionalText,
  Version: xeroOrganisationVersion.nullish(),
  Class: xeroOrganisationClass.nullish(),
  Edition: xeroOrganisationEdition.nullish(),
  OrganisationType: xeroOrganisationType.nullish(),
  OrganisationStatus: optionalText,
  IsDemoCompany: z.boolean().optional(),
  PaysTax: z.boolean().optional(),
  PeriodLockDate: optionalText,
  EndOfYearLockDate: optionalText,
  FinancialYearEndDay: z.number().optional(),
  FinancialYearEndMonth: z.number().optional(),
  CreatedDateUTC: optionalText,
});
export type XeroOrganisation = z.infer<typeof xeroOrganisationSchema>;

/** An item's `SalesDetails`/`PurchaseDetails` (schema `Purchase`); Xero sends `{}` when unset. */
const itemDetailsSchema = z.looseObject({
  UnitPrice: z.number().nullish(),
  AccountCode: optionalText,
  COGSAccountCode: optionalText,
  TaxType: optionalText,
});

/** `GET /Items` item. Tracked items carry `InventoryAssetAccountCode` and a `PurchaseDetails.COGSAccountCode`. */
export const xeroItemSchema = z.looseObject({
  ItemID: z.string().optional(),
  Code: z.string(),
  Name: optionalText,
  Description: optionalText,
  PurchaseDescription: optionalText,
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

export const xeroTrackingOptionSchema = z.looseObject({
  TrackingOptionID: z.string().optional(),
  Name: z.string(),
  Status: xeroTrackingStatus.optional(),
});
export type XeroTrackingOption = z.infer<typeof xeroTrackingOptionSchema>;

/** `GET /TrackingCategories` item (archived ones only with `includeArchived=true`). */
export const xeroTrackingCategorySchema = z.looseObject({
  TrackingCategoryID: z.string().optional(),
  Name: z.string(),
  Status: xeroTrackingStatus.optional(),
  Options: z.array(xeroTrackingOptionSchema).optional(),
});
export type XeroTrackingCategory = z.infer<typeof xeroTrackingCategorySchema>;

/** `GET /Currencies` item: the currencies enabled in the organisation. */
export const xeroCurrencySchema = z.looseObject({ Code: xeroCurrencyCode, Description: optionalText });
export type XeroCurrency = z.infer<typeof xeroCurrencySchema>;

const xeroTaxComponentSchema = z.looseObject({
  Name: optionalText,
  Rate: z.number().nullish(),
  IsCompound: z.boolean().nullish(),
  IsNonRecoverable: z.boolean().nullish(),
});

/** `GET /TaxRates` item. `TaxType` is the code accounts and items refer to (`OUTPUT2`, `TAX001`…). */
export const xeroTaxRateSchema = z.looseObject({
  Name: z.string(),
  TaxType: optionalText,
  Status: xeroTaxRateStatus.optional(),
  ReportTaxType: xeroReportTaxType.nullish(),
  EffectiveRate: z.number().nullish(),
  DisplayTaxRate: z.number().nullish(),
  CanApplyToAssets: z.boolean().optional(),
  CanApplyToEquity: z.boolean().optional(),
  CanApplyToExpenses: z.boolean().optional(),
  CanApplyToLiabilities: z.boolean().optional(),
  CanApplyToRevenue: z.boolean().optional(),
  TaxComponents: z.array(xeroTaxComponentSchema).nullish(),
});
export type XeroTaxRate = z.infer<typeof xeroTaxRateSchema>;

/** Fields every Accounting response carries around its collection. */
const envelopeFields = {
  Id: z.string().optional(),
  Status: optionalText,
  ProviderName: optionalText,
  DateTimeUTC: optionalText,
};

/** Response envelopes of the endpoints we read: `{ Id, Status, ProviderName, DateTimeUTC, <Collection>: [...] }`. */
export const xeroEnvelopes = {
  Organisation: z.looseObject({ ...envelopeFields, Organisations: z.array(xeroOrganisationSchema) }),
  Accounts: z.looseObject({ ...envelopeFields, Accounts: z.array(xeroAccountSchema) }),
  Items: z.looseObject({ ...envelopeFields, Items: z.array(xeroItemSchema) }),
  TrackingCategories: z.looseObject({ ...envelopeFields, TrackingCategories: z.array(xeroTrackingCategorySchema) }),
  Currencies: z.looseObject({ ...envelopeFields, Currencies: z.array(xeroCurrencySchema) }),
  TaxRates: z.looseObject({ ...envelopeFields, TaxRates: z.array(xeroTaxRateSchema) }),
};

/**
 * The 400 body (schema `Error`): `{ ErrorNumber, Type, Message, Elements: [{ ValidationErrors: [{ Message }] }] }`.
 * Validation failures have `Type: "ValidationException"` and `ErrorNumber: 10`.
 */
export const xeroErrorSchema = z.looseObject({
  ErrorNumber: z.number().optional(),
  Type: optionalText,
  Message: z.string(),
  Elements: z
    .array(z.looseObject({ ValidationErrors: z.array(z.looseObject({ Message: optionalText })).nullish() }))
    .nullish(),
});
export type XeroError = z.infer<typeof xeroErrorSchema>;

/** The messages a Xero error body gives, most specific first (validation messages, then the summary). */
export function xeroErrorMessages(error: XeroError): string[] {
  const details = (error.Elements ?? []).flatMap((element) =>
    (element.ValidationErrors ?? []).flatMap((validation) => (validation.Message ? [validation.Message] : [])),
  );
  return [...new Set([...details, error.Message])];
}

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
