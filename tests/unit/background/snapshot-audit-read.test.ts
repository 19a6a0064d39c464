// The worker's re-audit reads the stored pages with only the fields rules read (AUDIT_UNREAD_FIELDS left out): its
// findings, summary and coverage must be exactly those of audit() on the whole snapshot (issue #17).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { audit } from '@/utils/audit';
import { AUDIT_UNREAD_FIELDS } from '@/utils/audit/unread-fields';
import { AUDIT_READ } from '@/utils/background/snapshot-store';
import { decodePage, encodePage } from '@/utils/background/page-codec';
import { project } from '@/utils/background/projection';
import { Refresher } from '@/utils/background/refresher';
import { createPairDataStore } from '@/utils/background/results';
import { ITEM_SCHEMAS } from '@/utils/background/snapshot';
import { loadScenario } from '@/utils/scenarios';
import type { Snapshot } from '@/utils/schemas';

const NOW = Date.parse('2026-12-05T10:00:00Z');

/** The scenario as a refresh stores it: each list projected to its schema, the page inputs in their own stores. */
function asStored(snapshot: Snapshot): Snapshot {
  const copy = structuredClone(snapshot) as Record<'cin7' | 'xero', Record<string, unknown> | undefined>;
  for (const [list, schema] of Object.entries(ITEM_SCHEMAS)) {
    const [side, name] = list.split('.') as ['cin7' | 'xero', string];
    const records = copy[side]?.[name];
    if (Array.isArray(records)) (copy[side] as Record<string, unknown>)[name] = records.map((record) => project(schema as z.ZodType, record));
  }
  delete copy.cin7?.mapping;
  delete copy.cin7?.features;
  return copy as Snapshot;
}

describe('the re-audit’s lean read', () => {
  it('leaves the unread fields out of each decoded record, nested ones with their parent', () => {
    const page = encodePage([{ SKU: 'A', LastModifiedOn: 'x', Sales: { Account: '200' }, Name: 'n' }]);
    expect(decodePage(page, [], { skip: new Set(['LastModifiedOn', 'Sales']) })).toEqual([{ SKU: 'A', Name: 'n' }]);
  });

  it('leaves out one nested field by its dotted path, and null fields when asked', () => {
    const page = encodePage([{ SKU: 'A', Tax: null, Sales: { Price: 3, Account: '200', TaxType: null } }, { SKU: 'B', Tax: 'GST' }]);
    const read = decodePage(page, [], { skip: new Set(['Sales.Price']), dropNull: true });
    expect(read).toEqual([{ SKU: 'A', Sales: { Account: '200' } }, { SKU: 'B', Tax: 'GST' }]);
    expect(Object.keys(read[0] as object)).toEqual(['SKU', 'Sales']);
    expect(decodePage(page, [], { skip: new Set(['Sales.Price']) })).toEqual([{ SKU: 'A', Tax: null, Sales: { Account: '200', TaxType: null } }, { SKU: 'B', Tax: 'GST' }]);
  });

  it('gives records of a page equal nested objects as one object when read-only', () => {
    const item = (code: string, price: number, account: string | null) => ({ Code: code, SalesDetails: { UnitPrice: price, AccountCode: account, TaxType: 'OUTPUT2' } });
    const page = encodePage([item('A', 1, '200'), item('B', 2, '200'), item('C', 3, '260'), { Code: 'D', SalesDetails: { UnitPrice: 4, AccountCode: null } }]);
    const options = { skip: new Set(['SalesDetails.UnitPrice']), dropNull: true };
    const read = decodePage(page, [], { ...options, readOnly: true }) as { SalesDetails?: object }[];
    expect(read).toEqual(decodePage(page, [], options));
    expect(read[1]?.SalesDetails).toBe(read[0]?.SalesDetails);
    expect(read[2]?.SalesDetails).toEqual({ AccountCode: '260', TaxType: 'OUTPUT2' });
    expect(read[3]).toEqual({ Code: 'D' });
  });

  for (const [name, scale] of [['large', 0.05], ['broken', 1]] as const) {
    it(`gives the findings of audit() on the whole ${name} snapshot`, async () => {
      const scenario = loadScenario(name, { scale });
      const data = createPairDataStore(`lean-read-${name}`);
      await data.putSnapshot('p', { version: 1, snapshot: asStored(scenario), fetched: {} });
      if (scenario.cin7?.mapping) await data.putMapping('p', scenario.cin7.mapping);
      if (scenario.cin7?.features) await data.putFeatures('p', scenario.cin7.features);

      const lean = await data.getSnapshot('p', AUDIT_READ);
      const products = lean?.snapshot.cin7?.products ?? [];
      expect(products.length).toBe(scenario.cin7?.products?.length);
      // The read is lean: no record carries a field the list is read without.
      for (const [list, fields] of Object.entries(AUDIT_UNREAD_FIELDS)) {
        const [side, key] = list.split('.') as ['cin7' | 'xero', string];
        const records = ((lean?.snapshot[side] as Record<string, unknown> | undefined)?.[key] ?? []) as object[];
        const has = (record: object, path: string[]): boolean => {
          const [head, ...rest] = path as [string, ...string[]];
          const value = (record as Record<string, unknown>)[head];
          return rest.length === 0 ? head in record : typeof value === 'object' && value !== null && has(value, rest);
        };
        for (const field of fields) expect(records.some((record) => has(record, field.split('.')))).toBe(false);
        // Nor a null field (the scenario's products leave most overrides null).
        expect(records.some((record) => Object.values(record).includes(null))).toBe(false);
      }

      const refresher = new Refresher({ data, xeroTokens: {} as never, cin7Credentials: async () => undefined, now: () => NOW, onChange: () => undefined });
      const stored = await refresher.reaudit('p');
      const expected = audit(scenario, { today: '2026-12-05' });
      expect(stored?.audit.findings).toEqual(expected.findings);
      expect(stored?.audit.summary).toEqual(expected.summary);
      expect(stored?.audit.coverage.filter((entry) => expected.coverage.some((c) => c.check === entry.check))).toEqual(expected.coverage);
      expect(expected.findings.length).toBeGreaterThan(0);
    });
  }
});
