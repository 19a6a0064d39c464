// @vitest-environment node
// Contract: our Xero vocabulary and the Xero field names we read agree with xero-node's generated models and,
// where ../shared/specs exists, with the official OpenAPI spec. A Xero SDK or spec update that renames a field or
// changes an enum fails here instead of silently making the audit blind.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { z } from 'zod';
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
  XERO_ACCOUNT_TYPES,
  XERO_SYSTEM_ACCOUNTS,
  xeroAccountSchema,
  xeroCurrencySchema,
  xeroEnvelopes,
  xeroErrorSchema,
  xeroItemSchema,
  xeroOrganisationSchema,
  xeroTaxRateSchema,
  xeroTrackingCategorySchema,
  xeroTrackingOptionSchema,
} from '../../../utils/schemas';
import { loadSpec, reportMissingSpecs, specsAvailable, type OpenApiSchema } from './sharedSpecs';

const require = createRequire(import.meta.url);
const MODELS_DIR = dirname(require.resolve('xero-node/dist/gen/model/accounting/account.js'));

interface AttributeType {
  name: string;
  baseName: string;
  type: string;
}

/** `attributeTypeMap` of a xero-node model class, e.g. model('account', 'Account'). */
function attributeTypeMap(file: string, className: string): AttributeType[] {
  const module = require(`${MODELS_DIR}/${file}.js`) as Record<string, { attributeTypeMap: AttributeType[] }>;
  const model = module[className];
  if (!model) throw new Error(`xero-node has no ${className} in ${file}.js`);
  return model.attributeTypeMap;
}

/**
 * An enum's values as xero-node writes them: `Enum[Enum["PREMIUM20"] = 'PREMIUM_20'] = "PREMIUM20"`. Read from the
 * source because TypeScript's reverse mapping also puts the member names among the object's values.
 */
function xeroNodeEnumValues(file: string, enumName: string): string[] {
  const source = readFileSync(`${MODELS_DIR}/${file}.js`, 'utf8');
  const member = new RegExp(`\\b${enumName}\\[${enumName}\\["[^"]*"\\] = '([^']*)'\\]`, 'g');
  const values = [...source.matchAll(member)].map((match) => match[1] ?? '');
  if (values.length === 0) throw new Error(`no ${enumName} enum in ${file}.js`);
  return values;
}

/** Sorted, without Xero's "" (meaning none), so lists compare regardless of order. */
const normalise = (values: readonly string[]) => [...new Set(values)].filter((value) => value !== '').sort();

interface ZodDefLike {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { def: ZodDefLike }).def;

/** The schema under optional/nullable wrappers. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let def = defOf(current); def.type === 'optional' || def.type === 'nullable'; def = defOf(current)) {
    if (!def.innerType) break;
    current = def.innerType;
  }
  return current;
}

/** The object schema a field holds, through wrappers and arrays (e.g. `Options` → the option object). */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  let current = unwrapped(schema);
  if (defOf(current).type === 'array') current = unwrapped(defOf(current).element as z.ZodType);
  const shape = defOf(current).shape;
  if (!shape) throw new Error(`expected an object schema, found ${defOf(current).type}`);
  return shape;
}

/** The JSON kind xero-node's declared type stands for: a model class is an object, an enum (own file or nested) text. */
function kindOfXeroNodeType(type: string): string {
  if (type === 'boolean' || type === 'string' || type === 'number' || type === 'Date') return type === 'Date' ? 'string' : type;
  if (type.startsWith('Array<')) return 'array';
  if (type.includes('.')) return 'string'; // nested enum such as Account.StatusEnum
  const module = require(`${MODELS_DIR}/${type.charAt(0).toLowerCase()}${type.slice(1)}.js`) as Record<string, unknown>;
  const exported = module[type] as { attributeTypeMap?: unknown } | undefined;
  return exported?.attributeTypeMap ? 'object' : 'string';
}

// Envelope metadata sits in the spec's examples, not in the collection models.
const ENVELOPE_FIELDS = new Set(['Id', 'Status', 'ProviderName', 'DateTimeUTC']);

const xeroSchemas = {
  Account: { schema: xeroAccountSchema, file: 'account' },
  Organisation: { schema: xeroOrganisationSchema, file: 'organisation' },
  Item: { schema: xeroItemSchema, file: 'item' },
  Purchase: { schema: xeroItemSchema.shape.SalesDetails, file: 'purchase' },
  TrackingCategory: { schema: xeroTrackingCategorySchema, file: 'trackingCategory' },
  TrackingOption: { schema: xeroTrackingOptionSchema, file: 'trackingOption' },
  Currency: { schema: xeroCurrencySchema, file: 'currency' },
  TaxRate: { schema: xeroTaxRateSchema, file: 'taxRate' },
  TaxComponent: { schema: xeroTaxRateSchema.shape.TaxComponents, file: 'taxComponent' },
  Error: { schema: xeroErrorSchema, file: 'modelError', className: 'ModelError' },
  Element: { schema: xeroErrorSchema.shape.Elements, file: 'element' },
  ValidationError: { schema: objectShape(xeroErrorSchema.shape.Elements).ValidationErrors as z.ZodType, file: 'validationError' },
  Accounts: { schema: xeroEnvelopes.Accounts, file: 'accounts' },
  Organisations: { schema: xeroEnvelopes.Organisation, file: 'organisations' },
  Items: { schema: xeroEnvelopes.Items, file: 'items' },
  TrackingCategories: { schema: xeroEnvelopes.TrackingCategories, file: 'trackingCategories' },
  Currencies: { schema: xeroEnvelopes.Currencies, file: 'currencies' },
  TaxRates: { schema: xeroEnvelopes.TaxRates, file: 'taxRates' },
} satisfies Record<string, { schema: z.ZodType; file: string; className?: string }>;
type SchemaName = keyof typeof xeroSchemas;
const schemaNames = Object.keys(xeroSchemas) as SchemaName[];

const fieldsWeRead = (name: SchemaName) =>
  Object.keys(objectShape(xeroSchemas[name].schema)).filter((field) => !ENVELOPE_FIELDS.has(field));

// [our list, xero-node file, enum name, spec schema, spec property (undefined: the schema itself is the enum)]
const enums: [string, readonly string[], string, string, string, string | undefined][] = [
  ['account types', XERO_ACCOUNT_TYPE_VALUES, 'accountType', 'AccountType', 'AccountType', undefined],
  ['account classes', XERO_ACCOUNT_CLASS_VALUES, 'account', 'ClassEnum', 'Account', 'Class'],
  ['account statuses', XERO_ACCOUNT_STATUS_VALUES, 'account', 'StatusEnum', 'Account', 'Status'],
  ['system accounts', XERO_SYSTEM_ACCOUNT_VALUES, 'account', 'SystemAccountEnum', 'Account', 'SystemAccount'],
  ['bank account types', XERO_BANK_ACCOUNT_TYPE_VALUES, 'account', 'BankAccountTypeEnum', 'Account', 'BankAccountType'],
  ['organisation versions', XERO_ORGANISATION_VERSION_VALUES, 'organisation', 'VersionEnum', 'Organisation', 'Version'],
  ['organisation classes', XERO_ORGANISATION_CLASS_VALUES, 'organisation', 'ClassEnum', 'Organisation', 'Class'],
  ['organisation editions', XERO_ORGANISATION_EDITION_VALUES, 'organisation', 'EditionEnum', 'Organisation', 'Edition'],
  ['organisation types', XERO_ORGANISATION_TYPE_VALUES, 'organisation', 'OrganisationTypeEnum', 'Organisation', 'OrganisationType'],
  ['tracking category statuses', XERO_TRACKING_STATUS_VALUES, 'trackingCategory', 'StatusEnum', 'TrackingCategory', 'Status'],
  ['tracking option statuses', XERO_TRACKING_STATUS_VALUES, 'trackingOption', 'StatusEnum', 'TrackingOption', 'Status'],
  ['tax rate statuses', XERO_TAX_RATE_STATUS_VALUES, 'taxRate', 'StatusEnum', 'TaxRate', 'Status'],
  ['report tax types', XERO_REPORT_TAX_TYPE_VALUES, 'taxRate', 'ReportTaxTypeEnum', 'TaxRate', 'ReportTaxType'],
  ['currency codes', XERO_CURRENCY_CODE_VALUES, 'currencyCode', 'CurrencyCode', 'CurrencyCode', undefined],
];

describe('vocabulary agrees with xero-node', () => {
  it.each(enums)('%s', (_label, ours, file, enumName) => {
    expect(normalise(ours)).toEqual(normalise(xeroNodeEnumValues(file, enumName)));
  });

  it('keeps the first draft lists equal to the literal vocabulary, without xero-node\'s "Empty" member name', () => {
    expect(XERO_ACCOUNT_TYPES).toEqual([...XERO_ACCOUNT_TYPE_VALUES]);
    expect(XERO_SYSTEM_ACCOUNTS).toEqual([...XERO_SYSTEM_ACCOUNT_VALUES]);
    expect(XERO_SYSTEM_ACCOUNTS).not.toContain('Empty');
    expect(XERO_SYSTEM_ACCOUNTS).not.toContain('');
  });
});

describe('field names we read exist in xero-node models, with the same JSON kind', () => {
  it.each(schemaNames)('%s', (name) => {
    const entry: { file: string; className?: string } = xeroSchemas[name];
    const className = entry.className ?? name;
    const file = entry.file;
    const attributes = new Map(attributeTypeMap(file, className).map((attribute) => [attribute.baseName, attribute]));
    const shape = objectShape(xeroSchemas[name].schema);
    for (const field of fieldsWeRead(name)) {
      const attribute = attributes.get(field);
      expect(attribute, `${name}.${field} is not in xero-node's ${className}`).toBeDefined();
      const ourKind = defOf(unwrapped(shape[field] as z.ZodType)).type;
      expect(ourKind, `${name}.${field}`).toBe(kindOfXeroNodeType(attribute?.type ?? ''));
    }
  });
});

reportMissingSpecs('vocabulary against xero_accounting.yaml');

describe.runIf(specsAvailable)('vocabulary and field names agree with xero_accounting.yaml', () => {
  const schemas = specsAvailable ? loadSpec('xero_accounting.yaml').components.schemas : {};
  const specSchema = (name: string): OpenApiSchema => {
    const schema = schemas[name];
    if (!schema) throw new Error(`the spec has no schema ${name}`);
    return schema;
  };

  it.each(enums)('%s', (_label, ours, _file, _enumName, schemaName, property) => {
    const schema = specSchema(schemaName);
    const specEnum = property ? schema.properties?.[property]?.enum : schema.enum;
    expect(specEnum, `${schemaName}.${property ?? ''} has an enum`).toBeDefined();
    expect(normalise(ours)).toEqual(normalise(specEnum ?? []));
  });

  it.each(schemaNames)('%s fields', (name) => {
    const properties = specSchema(name).properties ?? {};
    const missing = fieldsWeRead(name).filter((field) => !(field in properties));
    expect(missing).toEqual([]);
  });
});
