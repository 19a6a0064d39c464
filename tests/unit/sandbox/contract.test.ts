// @vitest-environment node
// Contract: every Xero response the sandbox produces validates against Xero's official OpenAPI documents
// (../shared/specs/xero_accounting.yaml, xero-identity.yaml); Cin7 responses use only field names that the Cin7
// spec documents in its example payloads or field tables (its component schemas are empty). Without ../shared
// the test says so and is never silently green: it asserts the absence it reports.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import { SCENARIO_NAMES, type ScenarioName } from '../../../utils/scenarios';
import { call, cin7Headers, connect, xeroHeaders } from './client';

const SPECS = fileURLToPath(new URL('../../../../shared/specs/', import.meta.url));
const specsPresent = existsSync(`${SPECS}xero_accounting.yaml`);
/** The large scenario at a small scale keeps the test quick while still exercising its generator. */
const LARGE_SCALE = 0.02;
const ORG = '11111111-2222-4333-8444-555555555555';

type Json = Record<string, unknown>;

if (!specsPresent) {
  describe('sandbox contract', () => {
    it('skipped: ../shared/specs not found', () => {
      console.warn(`skipped: ../shared/specs not found (looked in ${SPECS})`);
      expect(existsSync(`${SPECS}xero_accounting.yaml`)).toBe(false);
    });
  });
} else {
  const loadYaml = (file: string) => parse(readFileSync(`${SPECS}${file}`, 'utf8'), { maxAliasCount: -1 }) as Json;

  function makeAjv(): Ajv {
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    // OpenAPI numeric formats carry no constraint JSON Schema knows.
    for (const format of ['double', 'float', 'int32', 'int64', 'decimal']) ajv.addFormat(format, true);
    return ajv;
  }

  /** The 200 response schema an OpenAPI document declares for GET <path>, compiled against its components. */
  function responseValidator(ajv: Ajv, doc: Json, id: string, path: string): ValidateFunction {
    const paths = doc.paths as Record<string, Json>;
    const get = paths[path]?.get as Json | undefined;
    const schema = ((get?.responses as Json)?.['200'] as Json)?.content as Json | undefined;
    const json = (schema?.['application/json'] as Json)?.schema;
    if (!json) throw new Error(`${id}: no 200 schema for GET ${path}`);
    return ajv.compile(rewriteRefs(json, id) as Json);
  }

  /** `#/components/…` → `<id>#/components/…`, so fragments resolve inside the registered document. */
  function rewriteRefs(value: unknown, id: string): unknown {
    if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, id));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${id}${v}` : rewriteRefs(v, id)]),
      );
    }
    return value;
  }

  const errorsOf = (validate: ValidateFunction) =>
    (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);

  const XERO_ENDPOINTS = [
    ['/Organisation', 'Organisation'],
    ['/Accounts', 'Accounts'],
    ['/Items', 'Items'],
    ['/TrackingCategories', 'TrackingCategories?includeArchived=true'],
    ['/Currencies', 'Currencies'],
    ['/TaxRates', 'TaxRates'],
  ] as const;

  let ajv: Ajv;
  let xeroValidators: Map<string, ValidateFunction>;
  let connectionsValidator: ValidateFunction;
  let cin7Spec: Json;

  beforeAll(() => {
    ajv = makeAjv();
    const accounting = loadYaml('xero_accounting.yaml');
    const identity = loadYaml('xero-identity.yaml');
    ajv.addSchema({ $id: 'xero-accounting', components: accounting.components }, 'xero-accounting');
    ajv.addSchema({ $id: 'xero-identity', components: identity.components }, 'xero-identity');
    xeroValidators = new Map(XERO_ENDPOINTS.map(([path]) => [path, responseValidator(ajv, accounting, 'xero-accounting', path)]));
    connectionsValidator = responseValidator(ajv, identity, 'xero-identity', '/Connections');
    cin7Spec = loadYaml('cin7-core-openapi.yaml');
    // Parsing ~3 MB of YAML takes seconds on a busy machine.
  }, 120_000);

  /** Field names of the "Available Fields" tables in the descriptions of these tags (| `Name` | … rows). */
  function cin7TableFields(tagNames: string[]): string[] {
    const tags = (cin7Spec.tags ?? []) as Array<{ name: string; description?: string }>;
    return tags
      .filter((t) => tagNames.includes(t.name))
      .flatMap((t) => [...(t.description ?? '').matchAll(/^\s*\|\s*`([A-Za-z][A-Za-z0-9_]*)`/gm)].map((m) => m[1] ?? ''));
  }

  /**
   * Field names the Cin7 spec documents for an endpoint: the keys of its example payloads (envelope and records;
   * writes answer with the same envelope as reads, and /product has examples only on POST/PUT) plus the fields of
   * its tag's field table.
   */
  function cin7ExampleFields(pathPattern: RegExp, listKey?: string): { envelope: Set<string>; record: Set<string> } {
    const envelope = new Set<string>();
    const record = new Set<string>();
    for (const [path, ops] of Object.entries(cin7Spec.paths as Record<string, Record<string, Json>>)) {
      if (!pathPattern.test(path)) continue;
      for (const op of Object.values(ops)) {
        for (const name of cin7TableFields((op.tags ?? []) as string[])) record.add(name);
        const content = ((op.responses as Json | undefined)?.['200'] as Json | undefined)?.content as Json | undefined;
        const examples = (content?.['application/json'] as Json | undefined)?.examples as Record<string, { value?: unknown }> | undefined;
        for (const example of Object.values(examples ?? {})) {
          const value = example.value as Json | undefined;
          if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
          if (listKey) {
            if (!Array.isArray(value[listKey])) continue;
            Object.keys(value).forEach((k) => envelope.add(k));
            for (const item of value[listKey] as Json[]) Object.keys(item).forEach((k) => record.add(k));
          } else {
            Object.keys(value).forEach((k) => record.add(k));
          }
        }
      }
    }
    return { envelope, record };
  }

  const CIN7_LISTS = [
    ['ref/account?Limit=1000', /^\/ref\/account(\?|$)/, 'AccountsList'],
    ['ref/tax?Limit=1000', /^\/ref\/tax(\?|$)/, 'TaxRuleList'],
    ['product?Limit=1000&IncludeDeprecated=true', /^\/product(\?|$)/, 'Products'],
    ['customer?Limit=1000&IncludeDeprecated=true', /^\/customer(\?|$)/, 'CustomerList'],
    ['supplier?Limit=1000&IncludeDeprecated=true', /^\/supplier(\?|$)/, 'SupplierList'],
    ['saleList?Limit=1000', /^\/saleList(\?|$)/, 'SaleList'],
    ['purchaseList?Limit=1000', /^\/purchaseList(\?|$)/, 'PurchaseList'],
  ] as const;

  describe('the validators themselves', () => {
    it('reject payloads that break the spec (so a pass means something)', () => {
      const accounts = xeroValidators.get('/Accounts')!;
      expect(accounts({ Accounts: [{ Code: '200', Name: 'Sales', Type: 'REVENUE', Status: 'ACTIVE' }] })).toBe(true);
      expect(accounts({ Accounts: [{ Code: '200', Name: 'Sales', Type: 'NOT_A_TYPE' }] })).toBe(false);
      expect(accounts({ Accounts: [{ Code: 200 }] })).toBe(false);
      expect(xeroValidators.get('/Items')!({ Items: [{ Name: 'no code' }] })).toBe(false);
      expect(connectionsValidator([{ id: 'not-a-uuid', tenantId: ORG, tenantType: 'ORGANISATION' }])).toBe(false);
      expect(connectionsValidator([{ id: ORG, tenantId: ORG, createdDateUtc: '2026-01-01T00:00:00' }])).toBe(false);
    });
  });

  describe.each(SCENARIO_NAMES.map((name) => [name] as [ScenarioName]))('scenario %s', (scenario) => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await startSandbox({ scenario, port: 0, scale: scenario === 'large' ? LARGE_SCALE : undefined });
    }, 60_000);
    afterAll(() => sandbox.close());

    it('every Xero Accounting response of every tenant validates against xero_accounting.yaml', async () => {
      for (const tenant of sandbox.tenants) {
        const token = (await connect(sandbox, tenant.tenantId)).access_token;
        for (const [specPath, request] of XERO_ENDPOINTS) {
          const reply = await call(sandbox, `https://api.xero.com/api.xro/2.0/${request}`, { headers: xeroHeaders(token, tenant.tenantId) });
          expect(reply.status, `${tenant.name} ${request}`).toBe(200);
          const body = reply.json<Json>();
          const validate = xeroValidators.get(specPath)!;
          expect(validate(body), `${tenant.name} ${request}: ${errorsOf(validate).join('; ')}`).toBe(true);
          // Non-trivial: each collection key is present (validation alone would accept an empty object).
          expect(Object.keys(body)).toEqual(expect.arrayContaining(['Id', 'Status', 'ProviderName', 'DateTimeUTC']));
        }
      }
    });

    it('GET /connections validates against xero-identity.yaml', async () => {
      const token = (await connect(sandbox)).access_token;
      const body = (await call(sandbox, 'https://api.xero.com/connections', { headers: { authorization: `Bearer ${token}` } })).json<unknown[]>();
      expect(body.length).toBeGreaterThan(0);
      expect(connectionsValidator(body), errorsOf(connectionsValidator).join('; ')).toBe(true);
    });

    it('Cin7 list responses use the envelope and field names of the spec examples', async () => {
      for (const [request, pattern, listKey] of CIN7_LISTS) {
        const fields = cin7ExampleFields(pattern, listKey);
        expect(fields.envelope.size, `spec examples for ${listKey}`).toBeGreaterThan(0);
        const body = (await call(sandbox, `https://inventory.dearsystems.com/ExternalApi/v2/${request}`, { headers: cin7Headers(sandbox) })).json<Json>();
        expect(Object.keys(body).sort(), request).toEqual([...fields.envelope].sort());
        const unknown = new Set<string>();
        for (const record of body[listKey] as Json[]) for (const key of Object.keys(record)) if (!fields.record.has(key)) unknown.add(key);
        expect([...unknown], `${listKey} fields not in the Cin7 spec examples`).toEqual([]);
      }
    });

    it('Cin7 me, sale and purchase use field names of the spec examples', async () => {
      const me = (await call(sandbox, 'https://inventory.dearsystems.com/ExternalApi/v2/me', { headers: cin7Headers(sandbox) })).json<Json>();
      const meFields = cin7ExampleFields(/^\/me$/).record;
      expect(Object.keys(me).filter((k) => !meFields.has(k))).toEqual([]);
      const snapshot = sandbox.snapshot();
      for (const [kind, pattern, records] of [
        ['sale', /^\/sale(\?ID=\{ID\}&Combine|$)/, snapshot.cin7?.sales ?? []],
        ['purchase', /^\/purchase(\?ID=\{ID\}&Combine|$)/, snapshot.cin7?.purchases ?? []],
      ] as const) {
        const allowed = cin7ExampleFields(pattern).record;
        expect(allowed.size).toBeGreaterThan(0);
        for (const record of records.slice(0, 5)) {
          const body = (await call(sandbox, `https://inventory.dearsystems.com/ExternalApi/v2/${kind}?ID=${record.ID}`, { headers: cin7Headers(sandbox) })).json<Json>();
          expect(Object.keys(body).filter((k) => !allowed.has(k)), `${kind} ${record.ID}`).toEqual([]);
        }
      }
    });
  });
}
