// @vitest-environment node
// No snapshot that passes parseSnapshot may make the engine throw, and its output keeps its invariants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit, auditDocument, compareFindings } from '../../../utils/audit';
import { FINDING_CODES } from '../../../utils/audit/types';
import { snapshotSchema } from '../../../utils/schemas';
import { XERO_ACCOUNT_TYPES, XERO_SYSTEM_ACCOUNTS } from '../../../utils/schemas/vocabulary';
import { ROLES } from '../../../utils/audit/roles';

const odd = fc.constantFrom('', ' ', '  \t', '-', 'toString', '__proto__', 'constructor', 'ÄÖÜ', '💥', 'null', 'a:b&c#d', '%E0%A4%A');
const code = fc.oneof(fc.constantFrom('1400', '200', '630', '310', '610', '800', '820', 'SALES', ' 1400 ', 'sales', '091'), odd, fc.string({ maxLength: 6 }));
const text = fc.oneof(odd, code, fc.string({ maxLength: 12 }));
const optText = fc.oneof(text, fc.constant(null), fc.constant(undefined));
const accountText = fc.oneof(code, fc.constantFrom('1400: Inventory', '200 - Sales', 'Select account…', '1-1400: X', ': x'), optText);
const date = fc.oneof(
  fc.constantFrom('', '/Date(1546214400000+0000)/', '/Date(1419937200000+1300)/', '/Date(-1)/', '/Date(abc)/', '/Date(99999999999999999999)/', '/Date(8640000000000001)/'),
  fc.constantFrom('2025-01-01T00:00:00', '2024-12-31', '9999-99-99', '0000-00-00T00:00:00', 'garbage'),
  optText,
);
const currency = fc.oneof(fc.constantFrom('AUD', 'aud', ' USD ', 'EUR', 'NZD'), optText);
const status = fc.oneof(fc.constantFrom('ACTIVE', 'ARCHIVED', 'DELETED', 'Deprecated', 'Active', 'VOIDED', 'WEIRD'), text);
const opt = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const list = <T>(arbitrary: fc.Arbitrary<T>, maxLength = 5) => opt(fc.array(arbitrary, { maxLength }));

const xeroAccount = fc.record(
  {
    AccountID: fc.string({ maxLength: 5 }),
    Code: optText.chain((value) => fc.oneof(fc.constant(value), code)),
    Name: text,
    Type: fc.oneof(fc.constantFrom(...XERO_ACCOUNT_TYPES), text),
    Status: status,
    Class: fc.oneof(fc.constantFrom('ASSET', 'EQUITY', 'EXPENSE', 'LIABILITY', 'REVENUE'), text),
    SystemAccount: fc.oneof(fc.constantFrom(...XERO_SYSTEM_ACCOUNTS), optText),
    EnablePaymentsToAccount: fc.boolean(),
  },
  { requiredKeys: ['Name', 'Type'] },
);
const line = fc.record({ ProductID: optText, SKU: optText, Account: accountText, TaxRule: optText }, { requiredKeys: [] });
const lines = opt(fc.oneof(fc.array(line, { maxLength: 3 }), fc.constant(null)));
const sale = fc.record(
  {
    ID: text,
    Customer: optText,
    CustomerID: optText,
    DefaultAccount: accountText,
    CustomerCurrency: currency,
    Invoices: opt(fc.array(fc.record({ InvoiceNumber: optText, InvoiceDate: date, Status: status, Lines: lines, AdditionalCharges: lines }, { requiredKeys: [] }), { maxLength: 2 })),
    CreditNotes: opt(fc.array(fc.record({ CreditNoteNumber: optText, CreditNoteDate: date, Status: status, Lines: lines }, { requiredKeys: [] }), { maxLength: 2 })),
    Fulfilments: opt(fc.array(fc.record({ Ship: opt(fc.record({ Lines: opt(fc.array(fc.record({ ShipmentDate: date }, { requiredKeys: [] }), { maxLength: 2 })) }, { requiredKeys: [] })) }, { requiredKeys: [] }), { maxLength: 2 })),
    OrderNumber: fc.oneof(text, fc.integer()),
  },
  { requiredKeys: ['ID'] },
);
const purchase = fc.record(
  {
    ID: text,
    Supplier: optText,
    SupplierID: optText,
    InventoryAccount: accountText,
    SupplierCurrency: currency,
    Invoice: opt(fc.oneof(fc.constant(null), fc.record({ InvoiceNumber: optText, InvoiceDate: date, Status: status, Lines: lines, AdditionalCharges: lines }, { requiredKeys: [] }))),
    CreditNote: opt(fc.record({ CreditNoteNumber: optText, CreditNoteDate: date, Status: status, Lines: lines }, { requiredKeys: [] })),
  },
  { requiredKeys: ['ID'] },
);
const roleLabel = fc.oneof(fc.constantFrom(...ROLES.flatMap((role) => [role.label, ...role.synonyms])), text);

const snapshotArbitrary = fc.record(
  {
    cin7: fc.record(
      {
        me: opt(fc.oneof(fc.constant(null), fc.record({ Currency: fc.oneof(fc.constantFrom('AUD', 'NZD', ''), text), LockDate: date }, { requiredKeys: ['Currency'] }))),
        accounts: list(fc.record({ Code: text, Name: text }), 2),
        taxRules: list(fc.record({ Name: text, Account: accountText, IsActive: opt(fc.oneof(fc.boolean(), fc.constant(null))), Components: opt(fc.oneof(fc.constant(null), fc.array(fc.record({ Name: optText, AccountCode: accountText }, { requiredKeys: [] }), { maxLength: 2 }))) }, { requiredKeys: ['Name'] })),
        products: list(fc.record({ ID: text, SKU: text, Name: optText, Type: fc.oneof(fc.constantFrom('Stock', 'Service', 'service', 'Non-Inventory'), optText), Status: status, InventoryAccount: accountText, RevenueAccount: accountText, COGSAccount: accountText, ExpenseAccount: accountText }, { requiredKeys: ['SKU'] })),
        customers: list(fc.record({ ID: text, Name: text, Currency: currency, Status: status, AccountReceivable: accountText, RevenueAccount: accountText }, { requiredKeys: ['Name'] })),
        suppliers: list(fc.record({ ID: text, Name: text, Currency: currency, Status: status, AccountPayable: accountText }, { requiredKeys: ['Name'] })),
        sales: list(sale, 3),
        purchases: list(purchase, 3),
        mapping: opt(fc.oneof(fc.constant(null), fc.record({ readAt: text, rows: fc.array(fc.record({ label: roleLabel, account: accountText }, { requiredKeys: ['label'] }), { maxLength: 25 }) }))),
        features: opt(fc.record({ inventoryAccrual: fc.boolean(), giftCards: fc.boolean() }, { requiredKeys: [] })),
      },
      { requiredKeys: [] },
    ),
    xero: fc.record(
      {
        organisation: opt(fc.oneof(fc.constant(null), fc.record({ Name: text, ShortCode: optText, BaseCurrency: fc.oneof(fc.constantFrom('AUD', 'USD'), text), PeriodLockDate: date, EndOfYearLockDate: date }, { requiredKeys: ['Name', 'BaseCurrency'] }))),
        accounts: list(xeroAccount, 12),
        items: list(fc.record({ Code: text, Name: optText, IsTrackedAsInventory: fc.boolean(), QuantityOnHand: opt(fc.oneof(fc.double(), fc.constant(null))) }, { requiredKeys: ['Code'] })),
        currencies: list(fc.record({ Code: fc.oneof(fc.constantFrom('AUD', 'USD', 'EUR'), text) })),
        trackingCategories: list(fc.record({ Name: text })),
        taxRates: list(fc.record({ Name: text })),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

describe('audit() on generated snapshots', () => {
  it('never throws and keeps its invariants', () => {
    let parsedCount = 0;
    fc.assert(
      fc.property(snapshotArbitrary, (raw) => {
        const parsed = snapshotSchema.safeParse(raw);
        fc.pre(parsed.success);
        if (!parsed.success) return;
        parsedCount++;
        const snapshot = parsed.data;
        const result = audit(snapshot, { today: '2025-06-30' });
        expect(result.coverage.filter((entry) => entry.reason?.startsWith('Check failed'))).toEqual([]);
        expect(result.summary.total).toBe(result.findings.length);
        expect(result.summary.errors + result.summary.warnings + result.summary.infos).toBe(result.findings.length);
        for (let i = 0; i < result.findings.length; i++) {
          const finding = result.findings[i]!;
          expect(FINDING_CODES).toContain(finding.code);
          expect(finding.message.trim().length).toBeGreaterThan(0);
          if (i > 0) expect(compareFindings(result.findings[i - 1]!, finding)).toBeLessThanOrEqual(0);
        }
        if (!snapshot.cin7?.mapping) {
          expect(result.findings.some((f) => f.code === 'MAPPING_UNKNOWN' && f.subject.kind === 'organisation')).toBe(true);
          expect(result.findings.filter((f) => f.subject.kind === 'role' && f.code !== 'MAPPING_UNKNOWN')).toEqual([]);
        }
        for (const sale of snapshot.cin7?.sales ?? []) auditDocument({ kind: 'sale', sale }, snapshot, { today: '2025-06-30' });
        for (const purchase of snapshot.cin7?.purchases ?? []) auditDocument({ kind: 'purchase', purchase }, snapshot, { today: '2025-06-30' });
      }),
      { numRuns: 300, seed: 20251121 },
    );
    expect(parsedCount).toBeGreaterThan(100);
  }, 30_000);
});
