// Everything the rules look up, built once per audit so every rule stays linear in the snapshot's size.
import { laterLockDate, type LockDate } from './lock-date';
import type { Snapshot } from '../schemas/snapshot';
import type { XeroAccount, XeroOrganisation } from '../schemas/xero';
import type { Cin7Product } from '../schemas/cin7';
import { parseAnyDate, type CalendarDay } from '../schemas/dates';
import { accountKey, parseAccountText } from './account-text';
import { matchRoleLabel } from './labels';
import { listNames } from './describe';
import { ROLE_BY_ID, ROLES, roleLabel, type RoleDefinition, type RoleId } from './roles';

/** A piece of the snapshot a check depends on. */
export type DataKey =
  | 'cin7.me'
  | 'cin7.accounts'
  | 'cin7.taxRules'
  | 'cin7.products'
  | 'cin7.customers'
  | 'cin7.suppliers'
  | 'cin7.sales'
  | 'cin7.purchases'
  | 'cin7.mapping'
  | 'xero.organisation'
  | 'xero.accounts'
  | 'xero.items'
  | 'xero.currencies'
  | 'xero.trackingCategories'
  | 'xero.taxRates';

/** Why a check could not run, in words the UI shows. */
export const MISSING_DATA_REASON: Readonly<Record<DataKey, string>> = Object.freeze({
  'cin7.me': 'Cin7 Core company settings not available',
  'cin7.accounts': 'Cin7 Core chart of accounts not available',
  'cin7.taxRules': 'Cin7 Core tax rules not available',
  'cin7.products': 'Cin7 Core products not available',
  'cin7.customers': 'Cin7 Core customers not available',
  'cin7.suppliers': 'Cin7 Core suppliers not available',
  'cin7.sales': 'Cin7 Core sales not available',
  'cin7.purchases': 'Cin7 Core purchases not available',
  'cin7.mapping': 'Cin7 Core account mapping not read yet (open Account Mapping in Cin7 Core)',
  'xero.organisation': 'Xero organisation settings not available',
  'xero.accounts': 'Xero chart of accounts not available',
  'xero.items': 'Xero products and services not available',
  'xero.currencies': 'Xero currencies not available',
  'xero.trackingCategories': 'Xero tracking categories not available',
  'xero.taxRates': 'Xero tax rates not available',
});

/** One role as the Account Mapping page shows it. */
export interface MappedRole {
  readonly role: RoleDefinition;
  readonly rowLabel: string;
  /** The account text as shown ("1400: Inventory"), "" when empty. */
  readonly accountText: string;
  /** The parsed code, or null when the row shows no account. */
  readonly code: string | null;
  /** The Xero account behind the code, when the chart is known and has it. */
  readonly account: XeroAccount | undefined;
}

export type { LockDate };

export interface AuditContext {
  readonly snapshot: Snapshot;
  readonly today: CalendarDay;
  readonly organisation: XeroOrganisation | null;
  readonly shortCode: string | null;
  /** Xero's `CountryCode`, upper case: how role names are spelled (roles.ts roleLabel). */
  readonly country: string | null;
  /** The role's one name, spelled for the organisation's country. */
  label(role: RoleDefinition): string;
  /** Cin7's base currency, else Xero's; upper case. */
  readonly baseCurrency: string | null;
  readonly xeroAccounts: readonly XeroAccount[] | null;
  /** The Xero account with this code (any case, surrounding space ignored), if the chart has one. */
  findAccount(code: string): XeroAccount | undefined;
  /** Null when the mapping has not been read. Rows by role, first row wins if the page repeats a label. */
  readonly mapping: { readonly readAt: string; readonly byRole: ReadonlyMap<RoleId, MappedRole> } | null;
  /** Roles with a code, in role-table order. */
  readonly mappedRoles: readonly MappedRole[];
  /** Required roles with the reason they are required ("inventory accrual is enabled"). */
  readonly requiredRoles: ReadonlyMap<RoleId, string>;
  /** Currencies other than the base used by customers, suppliers, sales or purchases; null when unknown. */
  readonly foreignCurrencies: readonly string[] | null;
  /** The later of Xero's period and end-of-year lock dates. */
  readonly xeroLockDate: LockDate | null;
  readonly cin7LockDate: CalendarDay | null;
  has(key: DataKey): boolean;
  productById(id: string): Cin7Product | undefined;
  productBySku(sku: string): Cin7Product | undefined;
}

const cleanCurrency = (value: string | null | undefined): string | null => {
  const code = value?.trim().toUpperCase();
  return code ? code : null;
};

function preferAccount(candidate: XeroAccount, existing: XeroAccount): boolean {
  const candidateActive = candidate.Status === 'ACTIVE';
  if (candidateActive !== (existing.Status === 'ACTIVE')) return candidateActive;
  return (candidate.AccountID ?? candidate.Name) < (existing.AccountID ?? existing.Name);
}

function indexAccounts(accounts: readonly XeroAccount[] | undefined): Map<string, XeroAccount> {
  const byKey = new Map<string, XeroAccount>();
  if (!accounts) return byKey;
  for (const account of accounts) {
    if (!account.Code) continue;
    const key = accountKey(account.Code);
    // Codes are unique in Xero; if a snapshot repeats one, prefer the ACTIVE account, then the smaller AccountID,
    // so results never depend on the order of the list.
    const existing = byKey.get(key);
    if (key && (!existing || preferAccount(account, existing))) byKey.set(key, account);
  }
  return byKey;
}

/** Xero's effective lock date from the organisation (utils/audit/lock-date.ts has the rule). */
export function organisationLockDate(organisation: XeroOrganisation | null | undefined): LockDate | null {
  if (!organisation) return null;
  return laterLockDate(parseAnyDate(organisation.PeriodLockDate), parseAnyDate(organisation.EndOfYearLockDate));
}

function collectForeignCurrencies(snapshot: Snapshot, base: string | null): string[] | null {
  const cin7 = snapshot.cin7;
  if (!base || !cin7) return null;
  const sources = [cin7.customers, cin7.suppliers, cin7.sales, cin7.purchases];
  if (sources.every((source) => source === undefined)) return null;
  const foreign = new Set<string>();
  const add = (value: string | null | undefined) => {
    if (!value || value === base) return;
    const code = cleanCurrency(value);
    if (code && code !== base) foreign.add(code);
  };
  // Indexed: no iterator step per contact (50,000 customers at the bench's scale).
  const customers = cin7.customers ?? [];
  for (let at = 0; at < customers.length; at++) add((customers[at] as (typeof customers)[number]).Currency);
  const suppliers = cin7.suppliers ?? [];
  for (let at = 0; at < suppliers.length; at++) add((suppliers[at] as (typeof suppliers)[number]).Currency);
  for (const sale of cin7.sales ?? []) add(sale.CustomerCurrency);
  for (const purchase of cin7.purchases ?? []) add(purchase.SupplierCurrency);
  return [...foreign].sort();
}

export function buildContext(snapshot: Snapshot, today: CalendarDay): AuditContext {
  const cin7 = snapshot.cin7;
  const xero = snapshot.xero;
  const organisation = xero?.organisation ?? null;
  const xeroAccounts = xero?.accounts ?? null;
  const accountByKey = indexAccounts(xero?.accounts);
  // Codes usually arrive exactly as keyed ("1400"); normalise only on a miss.
  const findAccount = (code: string) => accountByKey.get(code) ?? accountByKey.get(accountKey(code));
  const baseCurrency = cleanCurrency(cin7?.me?.Currency) ?? cleanCurrency(organisation?.BaseCurrency);

  let mapping: AuditContext['mapping'] = null;
  const mappedRoles: MappedRole[] = [];
  if (cin7?.mapping) {
    const byRole = new Map<RoleId, MappedRole>();
    for (const row of cin7.mapping.rows) {
      const roleId = matchRoleLabel(row.label);
      if (!roleId || byRole.has(roleId)) continue;
      const code = parseAccountText(row.account);
      const definition = ROLE_BY_ID[roleId];
      byRole.set(roleId, {
        role: definition,
        rowLabel: row.label,
        accountText: row.account?.trim() ?? '',
        code,
        account: code !== null ? findAccount(code) : undefined,
      });
    }
    mapping = { readAt: cin7.mapping.readAt, byRole };
    for (const definition of ROLES) {
      const mapped = byRole.get(definition.id);
      if (mapped?.code) mappedRoles.push(mapped);
    }
  }

  const foreignCurrencies = collectForeignCurrencies(snapshot, baseCurrency);
  const features = cin7?.features;
  const rowPresent = (roleId: RoleId) => mapping?.byRole.has(roleId) ?? false;
  const requiredRoles = new Map<RoleId, string>();
  for (const definition of ROLES) {
    if (definition.required === 'always') requiredRoles.set(definition.id, 'Cin7 Core always needs it');
    else if (definition.feature === 'inventoryAccrual') {
      if (features?.inventoryAccrual === true) requiredRoles.set(definition.id, 'inventory accrual is enabled');
      else if (rowPresent('inventoryAccrual') || rowPresent('stockInTransit'))
        requiredRoles.set(definition.id, 'inventory accrual is enabled (its rows are on the mapping page)');
    } else if (definition.feature === 'giftCards') {
      if (features?.giftCards === true) requiredRoles.set(definition.id, 'gift cards are enabled');
      else if (rowPresent('giftCardLiability')) requiredRoles.set(definition.id, 'gift cards are enabled (the row is on the mapping page)');
    } else if (definition.feature === 'multiCurrency' && foreignCurrencies && foreignCurrencies.length > 0) {
      requiredRoles.set(definition.id, `you trade in ${listNames(foreignCurrencies, foreignCurrencies.length)} as well as ${baseCurrency ?? 'the base currency'}`);
    }
  }

  const available: Record<DataKey, boolean> = {
    'cin7.me': Boolean(cin7?.me),
    'cin7.accounts': cin7?.accounts !== undefined,
    'cin7.taxRules': cin7?.taxRules !== undefined,
    'cin7.products': cin7?.products !== undefined,
    'cin7.customers': cin7?.customers !== undefined,
    'cin7.suppliers': cin7?.suppliers !== undefined,
    'cin7.sales': cin7?.sales !== undefined,
    'cin7.purchases': cin7?.purchases !== undefined,
    'cin7.mapping': mapping !== null,
    'xero.organisation': organisation !== null,
    'xero.accounts': xeroAccounts !== null,
    'xero.items': xero?.items !== undefined,
    'xero.currencies': xero?.currencies !== undefined,
    'xero.trackingCategories': xero?.trackingCategories !== undefined,
    'xero.taxRates': xero?.taxRates !== undefined,
  };

  // Product indexes are only needed for documents; built on first use.
  let productsById: Map<string, Cin7Product> | null = null;
  let productsBySku: Map<string, Cin7Product> | null = null;
  const buildProductIndexes = () => {
    productsById = new Map();
    productsBySku = new Map();
    for (const product of cin7?.products ?? []) {
      if (product.ID && !productsById.has(product.ID)) productsById.set(product.ID, product);
      const sku = product.SKU.trim().toUpperCase();
      if (sku && !productsBySku.has(sku)) productsBySku.set(sku, product);
    }
  };

  const country = organisation?.CountryCode?.trim().toUpperCase() || null;
  return {
    snapshot,
    today,
    organisation,
    shortCode: organisation?.ShortCode?.trim() || null,
    country,
    label: (role) => roleLabel(role, country),
    baseCurrency,
    xeroAccounts,
    findAccount,
    mapping,
    mappedRoles,
    requiredRoles,
    foreignCurrencies,
    xeroLockDate: organisationLockDate(organisation),
    cin7LockDate: parseAnyDate(cin7?.me?.LockDate),
    has: (key) => available[key],
    productById(id) {
      if (!productsById) buildProductIndexes();
      return productsById?.get(id);
    },
    productBySku(sku) {
      if (!productsBySku) buildProductIndexes();
      return productsBySku?.get(sku.trim().toUpperCase());
    },
  };
}
