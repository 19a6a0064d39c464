// The sandbox's mutable data, built from an audit-engine scenario (one source of truth). Tests change records
// here and see the APIs' incremental answers (Cin7 ModifiedSince, Xero If-Modified-Since) follow.
import type { MappingRow, Snapshot } from '../utils/schemas/snapshot';
import { currentCin7Organisation, MAIN_CIN7_ORGANISATION, type Cin7OrganisationSeed } from './cin7-organisations';
import { cin7Timestamp, shortCodeFor, stableUuid, timestampMs, xeroTimestamp } from './ids';

export type JsonRecord = Record<string, unknown>;

export type Cin7Collection = 'accounts' | 'taxRules' | 'products' | 'customers' | 'suppliers' | 'sales' | 'purchases';

export interface XeroTenantData {
  organisation: JsonRecord;
  accounts: JsonRecord[];
  items: JsonRecord[];
  trackingCategories: JsonRecord[];
  currencies: JsonRecord[];
  taxRates: JsonRecord[];
}

export interface XeroTenant extends XeroTenantData {
  tenantId: string;
  name: string;
  shortCode: string;
}

export interface Cin7Data {
  me: JsonRecord;
  accounts: JsonRecord[];
  taxRules: JsonRecord[];
  products: JsonRecord[];
  customers: JsonRecord[];
  suppliers: JsonRecord[];
  sales: JsonRecord[];
  purchases: JsonRecord[];
  mapping: { readAt: string; rows: MappingRow[] } | null;
  features: JsonRecord;
}

/** Records' "last modified" before the sandbox started: a fixed distance in the past. */
const INITIAL_AGE_MS = 30 * 24 * 3600_000;

const clone = <T>(value: T): T => structuredClone(value);

export class SandboxStore {
  readonly tenants: XeroTenant[];
  /** The login's other Cin7 Core organisations (the scenario's own is MAIN_CIN7_ORGANISATION). */
  readonly extraCin7Organisations: readonly Cin7OrganisationSeed[];
  private readonly cin7ByOrganisation = new Map<string, Cin7Data>();
  /** When each sale/purchase last changed (their list endpoints filter on it). */
  private readonly documentUpdatedAt = new Map<string, number>();

  constructor(
    snapshot: Snapshot,
    extraTenants: XeroTenantData[],
    private readonly now: () => number,
    extraCin7Organisations: Cin7OrganisationSeed[] = [],
  ) {
    const initial = now() - INITIAL_AGE_MS;
    this.extraCin7Organisations = extraCin7Organisations;
    for (const [id, cin7] of [[MAIN_CIN7_ORGANISATION, snapshot.cin7], ...extraCin7Organisations.map((o) => [o.id, o.cin7] as const)] as const) {
      const data = cin7Data(cin7 ?? {}, initial);
      this.cin7ByOrganisation.set(id, data);
      for (const doc of [...data.sales, ...data.purchases]) this.documentUpdatedAt.set(String(doc.ID), initial);
    }

    const main = snapshot.xero;
    const tenants: XeroTenantData[] = [];
    if (main?.organisation) {
      tenants.push({
        organisation: clone(main.organisation as JsonRecord),
        accounts: clone((main.accounts ?? []) as JsonRecord[]),
        items: clone((main.items ?? []) as JsonRecord[]),
        trackingCategories: clone((main.trackingCategories ?? []) as JsonRecord[]),
        currencies: clone((main.currencies ?? []) as JsonRecord[]),
        taxRates: clone((main.taxRates ?? []) as JsonRecord[]),
      });
    }
    for (const extra of extraTenants) {
      if (!tenants.some((t) => t.organisation.Name === extra.organisation.Name)) tenants.push(clone(extra));
    }
    this.tenants = tenants.map((data) => normaliseTenant(data, initial));
  }

  /** The Cin7 Core organisation the current request is about (the web app's chosen one, the API key's). */
  get cin7(): Cin7Data {
    return this.cin7Organisation(currentCin7Organisation() ?? MAIN_CIN7_ORGANISATION);
  }

  cin7Organisation(id: string): Cin7Data {
    const data = this.cin7ByOrganisation.get(id) ?? this.cin7ByOrganisation.get(MAIN_CIN7_ORGANISATION);
    if (!data) throw new Error('sandbox: no Cin7 Core organisation');
    return data;
  }

  tenant(tenantId: string): XeroTenant | undefined {
    return this.tenants.find((t) => t.tenantId.toLowerCase() === tenantId.toLowerCase());
  }

  tenantByShortCode(shortCode: string): XeroTenant | undefined {
    return this.tenants.find((t) => t.shortCode === shortCode);
  }

  /** Changes a Cin7 record (by ID, or Code for accounts, Name for tax rules) and stamps it as modified now. */
  modifyCin7(collection: Cin7Collection, key: string, patch: JsonRecord): JsonRecord {
    const record = this.findCin7(collection, key);
    if (!record) throw new Error(`sandbox: no Cin7 ${collection} record "${key}"`);
    Object.assign(record, patch);
    this.touchCin7(collection, record);
    return record;
  }

  addCin7(collection: Cin7Collection, record: JsonRecord): JsonRecord {
    const copy = clone(record);
    if (collection !== 'accounts' && copy.ID === undefined) copy.ID = stableUuid(`${collection}:${JSON.stringify(record)}`);
    this.cin7[collection].push(copy);
    this.touchCin7(collection, copy);
    return copy;
  }

  /**
   * Deletes a Cin7 record outright (by the keys findCin7 takes). As in Cin7, it is then in no list, incremental or
   * not: no tombstone is kept (a deprecated one, by contrast, is a Status change: modifyCin7).
   */
  deleteCin7(collection: Cin7Collection, key: string): void {
    const record = this.findCin7(collection, key);
    if (!record) throw new Error(`sandbox: no Cin7 ${collection} record "${key}"`);
    this.cin7[collection].splice(this.cin7[collection].indexOf(record), 1);
  }

  findCin7(collection: Cin7Collection, key: string): JsonRecord | undefined {
    const field = collection === 'accounts' ? 'Code' : 'ID';
    const lower = key.toLowerCase();
    return this.cin7[collection].find(
      (r) => String(r[field] ?? '').toLowerCase() === lower || (collection === 'taxRules' && r.Name === key),
    );
  }

  documentUpdated(id: string): number {
    return this.documentUpdatedAt.get(id) ?? this.now();
  }

  private touchCin7(collection: Cin7Collection, record: JsonRecord): void {
    if (collection === 'sales' || collection === 'purchases') this.documentUpdatedAt.set(String(record.ID), this.now());
    else if (collection === 'products' || collection === 'customers' || collection === 'suppliers') {
      record.LastModifiedOn = cin7Timestamp(this.now());
    }
  }

  modifyMe(patch: JsonRecord): void {
    Object.assign(this.cin7.me, patch);
  }

  /** Sets the account shown for a role on the Account Mapping page (adds the row when the label is new). */
  setMappingRow(label: string, account: string | null): void {
    this.cin7.mapping ??= { readAt: new Date(this.now()).toISOString(), rows: [] };
    const row = this.cin7.mapping.rows.find((r) => r.label === label);
    if (row) row.account = account;
    else this.cin7.mapping.rows.push({ label, account });
  }

  /** Changes a Xero account (by Code or AccountID) and stamps UpdatedDateUTC, as Xero does on edit/archive. */
  modifyXeroAccount(key: string, patch: JsonRecord, tenantId?: string): JsonRecord {
    return this.modifyXero('accounts', key, patch, tenantId);
  }

  modifyXeroItem(key: string, patch: JsonRecord, tenantId?: string): JsonRecord {
    return this.modifyXero('items', key, patch, tenantId);
  }

  modifyOrganisation(patch: JsonRecord, tenantId?: string): void {
    Object.assign(this.requireTenant(tenantId).organisation, patch);
  }

  private modifyXero(collection: 'accounts' | 'items', key: string, patch: JsonRecord, tenantId?: string): JsonRecord {
    const tenant = this.requireTenant(tenantId);
    const idField = collection === 'accounts' ? 'AccountID' : 'ItemID';
    const record = tenant[collection].find((r) => r.Code === key || r[idField] === key);
    if (!record) throw new Error(`sandbox: no Xero ${collection} record "${key}" in ${tenant.name}`);
    Object.assign(record, patch, { UpdatedDateUTC: xeroTimestamp(this.now()) });
    return record;
  }

  private requireTenant(tenantId?: string): XeroTenant {
    const tenant = tenantId ? this.tenant(tenantId) : this.tenants[0];
    if (!tenant) throw new Error(`sandbox: no Xero tenant ${tenantId ?? '(scenario has no Xero organisation)'}`);
    return tenant;
  }

  /** The current data as an audit snapshot (the scenario's own Xero org). */
  snapshot(): Snapshot {
    const main = this.tenants[0];
    return clone({
      cin7: {
        me: this.cin7.me,
        accounts: this.cin7.accounts,
        taxRules: this.cin7.taxRules,
        products: this.cin7.products,
        customers: this.cin7.customers,
        suppliers: this.cin7.suppliers,
        sales: this.cin7.sales,
        purchases: this.cin7.purchases,
        mapping: this.cin7.mapping,
        features: this.cin7.features,
      },
      xero: main
        ? {
            organisation: main.organisation,
            accounts: main.accounts,
            items: main.items,
            trackingCategories: main.trackingCategories,
            currencies: main.currencies,
            taxRates: main.taxRates,
          }
        : undefined,
    }) as Snapshot;
  }
}

function cin7Data(cin7: NonNullable<Snapshot['cin7']>, initial: number): Cin7Data {
  return {
    me: clone((cin7.me as JsonRecord | null | undefined) ?? { Company: 'Sandbox company', Currency: 'AUD', LockDate: null }),
    accounts: clone((cin7.accounts ?? []) as JsonRecord[]),
    taxRules: clone((cin7.taxRules ?? []) as JsonRecord[]).map((rule) => ({
      ...rule,
      ID: rule.ID ?? stableUuid(`taxRule:${String(rule.Name)}`),
    })),
    products: withIds(cin7.products as JsonRecord[] | undefined, 'product', 'SKU', initial),
    customers: withIds(cin7.customers as JsonRecord[] | undefined, 'customer', 'Name', initial),
    suppliers: withIds(cin7.suppliers as JsonRecord[] | undefined, 'supplier', 'Name', initial),
    sales: clone((cin7.sales ?? []) as JsonRecord[]),
    purchases: clone((cin7.purchases ?? []) as JsonRecord[]),
    mapping: cin7.mapping ? clone({ readAt: cin7.mapping.readAt, rows: cin7.mapping.rows }) : null,
    features: clone((cin7.features ?? {}) as JsonRecord),
  };
}

function withIds(records: JsonRecord[] | undefined, kind: string, seedField: string, initialMs: number): JsonRecord[] {
  return clone(records ?? []).map((record, index) => ({
    ...record,
    ID: record.ID ?? stableUuid(`${kind}:${String(record[seedField] ?? index)}`),
    LastModifiedOn: record.LastModifiedOn ?? cin7Timestamp(initialMs),
  }));
}

function normaliseTenant(data: XeroTenantData, initialMs: number): XeroTenant {
  const name = String(data.organisation.Name ?? 'Xero organisation');
  const tenantId = String(data.organisation.OrganisationID ?? stableUuid(`xero-org:${name}`));
  const shortCode = String(data.organisation.ShortCode ?? shortCodeFor(name));
  const stamp = (record: JsonRecord) =>
    timestampMs(record.UpdatedDateUTC) === null ? { ...record, UpdatedDateUTC: xeroTimestamp(initialMs) } : record;
  return {
    ...data,
    tenantId,
    name,
    shortCode,
    organisation: { ...data.organisation, OrganisationID: tenantId, ShortCode: shortCode },
    accounts: data.accounts.map((a) => stamp({ ...a, AccountID: a.AccountID ?? stableUuid(`${tenantId}:account:${String(a.Code ?? a.Name)}`) })),
    items: data.items.map((i) => stamp({ ...i, ItemID: i.ItemID ?? stableUuid(`${tenantId}:item:${String(i.Code)}`) })),
    trackingCategories: data.trackingCategories.map((c) => ({
      ...c,
      TrackingCategoryID: c.TrackingCategoryID ?? stableUuid(`${tenantId}:tracking:${String(c.Name)}`),
      Options: Array.isArray(c.Options)
        ? (c.Options as JsonRecord[]).map((o) => ({
            ...o,
            TrackingOptionID: o.TrackingOptionID ?? stableUuid(`${tenantId}:tracking:${String(c.Name)}:${String(o.Name)}`),
          }))
        : [],
    })),
  };
}
