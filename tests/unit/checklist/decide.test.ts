import { describe, expect, it } from 'vitest';
import { FINDING_CODES, type FindingCode } from '../../../utils/audit/types';
import { AUDIT_ITEMS, decideAuditItem, itemsForFinding, type DecidingFinding } from '../../../utils/checklist/decide';
import { buildChecklist, checklistProgress } from '../../../utils/checklist/build';
import { CHECKLIST_ITEMS, findChecklistItem, type AuditItem } from '../../../utils/checklist/items';

function finding(code: FindingCode, over: Partial<DecidingFinding> = {}): DecidingFinding {
  return { code, severity: 'error', subject: { kind: 'role', key: 'cogs', label: 'Cost of Goods Sold' }, ...over };
}
const item = (id: string) => findChecklistItem(id) as AuditItem;

describe('checklist items', () => {
  it('has unique ids and covers every consideration of both seeds', () => {
    const ids = CHECKLIST_ITEMS.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'bankAccountCodes', 'periodLockDates', 'chartOfAccountsLinked', 'trackedInventory', 'trackingCategories',
      'consolidatingInvoices', 'consolidatingPayments', 'reportingNeeds', 'approvalWorkflow', 'reconciliation',
      'nonInventoryCosts', 'paymentsFromXero', 'invoiceOrigination', 'multipleCurrencies', 'proFormaInvoices',
      'requiredAccounts', 'accountMapping', 'settingsBeforeFirstLoad', 'userPermissions', 'taxRules',
    ]) expect(ids).toContain(id);
  });

  it('offers Cin7 Core’s own choices for sync type, payments and invoice status', () => {
    const fields = CHECKLIST_ITEMS.flatMap((entry) => (entry.decidedBy === 'person' ? entry.fields : []));
    expect(fields.find((field) => field.id === 'invoices')?.choices).toEqual(['Individual', 'Daily consolidate', 'Monthly consolidate', 'No sync']);
    expect(fields.find((field) => field.label === 'Payments' && field.choices.includes('Pull from Xero'))?.choices)
      .toEqual(['Sync both ways', 'Pull from Xero', 'Push to Xero']);
    expect(fields.find((field) => field.id === 'invoiceStatus')?.choices).toEqual(['Draft', 'Authorised']);
  });

  it('sends every finding code to at least one audit item', () => {
    const auditIds = new Set(AUDIT_ITEMS.map((entry) => entry.id));
    for (const code of FINDING_CODES) {
      const targets = [...itemsForFinding(finding(code)), ...itemsForFinding(finding(code, { subject: { kind: 'account', key: '200', label: 'Sales' } }))];
      expect(targets.length, code).toBeGreaterThan(0);
      for (const target of targets) expect(auditIds.has(target), `${code} → ${target}`).toBe(true);
    }
  });
});

describe('decideAuditItem', () => {
  it('is unknown before any audit ran', () => {
    expect(decideAuditItem(item('trackedInventory'), [], [], false).status).toBe('unknown');
  });

  it('passes when audited and no finding belongs to it', () => {
    expect(decideAuditItem(item('trackedInventory'), [finding('BANK_ACCOUNT_WITHOUT_CODE')], [], true).status).toBe('pass');
  });

  it('fails on its own finding and lists it', () => {
    const tracked = finding('TRACKED_INVENTORY', { subject: { kind: 'item', key: 'W-1', label: 'Widget' } });
    const decided = decideAuditItem(item('trackedInventory'), [tracked, finding('BANK_ACCOUNT_WITHOUT_CODE')], [], true);
    expect(decided.status).toBe('fail');
    expect(decided.findings).toEqual([tracked]);
  });

  it('routes a role’s account problems to required accounts and other accounts to the chart item', () => {
    const roleFinding = finding('ACCOUNT_ARCHIVED');
    const taxFinding = finding('ACCOUNT_ARCHIVED', { subject: { kind: 'taxRule', key: 'GST', label: 'GST' } });
    expect(decideAuditItem(item('requiredAccounts'), [taxFinding], [], true).status).toBe('pass');
    expect(decideAuditItem(item('requiredAccounts'), [roleFinding], [], true).status).toBe('fail');
    expect(decideAuditItem(item('chartOfAccountsLinked'), [taxFinding], [], true).status).toBe('fail');
  });

  it('decides the tax item by the tax codes, and a tax rule’s account by both the chart and the tax item', () => {
    const taxRule = { kind: 'taxRule', key: 'GST 10%', label: 'GST 10%' };
    for (const code of ['RECORD_TAX_RULE_INVALID', 'TAX_RULE_NOT_IN_XERO', 'TAX_RATE_NOT_APPLICABLE'] as const) {
      const decided = decideAuditItem(item('taxRules'), [finding(code, { severity: 'warning', subject: taxRule })], [], true);
      expect(decided.status, code).toBe('fail');
      expect(decideAuditItem(item('chartOfAccountsLinked'), [finding(code, { subject: taxRule })], [], true).status, code).toBe('pass');
    }
    const account = finding('TAX_RULE_ACCOUNT_INVALID', { subject: taxRule });
    expect(decideAuditItem(item('taxRules'), [account], [], true).status).toBe('fail');
    expect(decideAuditItem(item('chartOfAccountsLinked'), [account], [], true).status).toBe('fail');
    expect(decideAuditItem(item('taxRules'), [finding('TRACKED_INVENTORY')], [], true).status).toBe('pass');
  });

  it('treats an unread mapping as not yet known, not as pass', () => {
    const unknown = finding('MAPPING_UNKNOWN', { severity: 'info', message: 'Open Account Mapping in Cin7 Core once.' });
    const decided = decideAuditItem(item('accountMapping'), [unknown], [], true);
    expect(decided).toMatchObject({ status: 'unknown', reason: 'Open Account Mapping in Cin7 Core once.' });
  });

  it('fails the lock-date item on LOCK_DATE_NOT_SET although the engine rates it info', () => {
    const notSet = finding('LOCK_DATE_NOT_SET', { severity: 'info', subject: { kind: 'organisation', key: 'organisation', label: 'Org' } });
    expect(decideAuditItem(item('periodLockDates'), [notSet], [], true).status).toBe('fail');
    expect(decideAuditItem(item('periodLockDates'), [{ ...notSet, reviewed: true }], [], true).status).toBe('pass');
  });

  it('keeps a reviewed error failing', () => {
    expect(decideAuditItem(item('trackedInventory'), [finding('TRACKED_INVENTORY', { reviewed: true })], [], true).status).toBe('fail');
  });

  it('is unknown when a check it relies on could not run, but a known failure still wins', () => {
    const coverage = [{ check: 'tracked-inventory', ran: false, reason: 'Xero products and services not available' }];
    expect(decideAuditItem(item('trackedInventory'), [], coverage, true)).toMatchObject({ status: 'unknown', reason: 'Xero products and services not available' });
    expect(decideAuditItem(item('periodLockDates'), [], coverage, true).status).toBe('pass');
    expect(decideAuditItem(item('trackedInventory'), [finding('TRACKED_INVENTORY')], coverage, true).status).toBe('fail');
  });

  it('uses the engine’s rule table to know which unrun check an item relies on', () => {
    const coverage = [{ check: 'payments', ran: false, reason: 'Xero chart of accounts not available' }];
    const ruleCodes = { payments: ['PAYMENTS_NOT_ENABLED', 'PAYMENTS_ENABLED'] as const };
    expect(decideAuditItem(item('requiredAccounts'), [], coverage, true, ruleCodes).status).toBe('unknown');
    expect(decideAuditItem(item('bankAccountCodes'), [], coverage, true, ruleCodes).status).toBe('pass');
  });
});

describe('buildChecklist + progress', () => {
  it('counts passes and decided items, and is complete only when all are done', () => {
    const fullDecisions = Object.fromEntries(
      CHECKLIST_ITEMS.flatMap((entry) => (entry.decidedBy === 'person'
        ? [[entry.id, { note: '', values: Object.fromEntries(entry.fields.map((field) => [entry.perChannel ? `all:${field.id}` : field.id, field.choices[0] ?? ''])) }]]
        : [])),
    );
    const channels = [{ id: 'all', name: 'All channels' }];
    const rows = buildChecklist({ findings: [], coverage: [], audited: true, decisions: fullDecisions, channels });
    expect(checklistProgress(rows)).toMatchObject({ done: CHECKLIST_ITEMS.length, complete: true });

    const failing = buildChecklist({ findings: [finding('TRACKED_INVENTORY')], coverage: [], audited: true, decisions: fullDecisions, channels });
    expect(checklistProgress(failing)).toMatchObject({ done: CHECKLIST_ITEMS.length - 1, failing: 1, complete: false });

    const fresh = buildChecklist({ findings: [], coverage: [], audited: false, decisions: {}, channels });
    expect(checklistProgress(fresh)).toMatchObject({ done: 0, unknown: AUDIT_ITEMS.length, complete: false });
  });
});

describe('with the engine’s real rule table', () => {
  it('leaves items unknown whose rules could not run, from the engine’s coverage ids', async () => {
    const { RULES } = await import('../../../utils/audit/rules');
    const { RULE_CODES } = await import('../../../utils/checklist/rule-codes');
    const tracked = RULES.find((rule) => rule.codes.includes('TRACKED_INVENTORY'));
    expect(tracked).toBeDefined();
    const coverage = RULES.map((rule) => ({ check: rule.id, ran: rule !== tracked, reason: rule === tracked ? 'Xero products and services not available' : undefined }));
    const rows = buildChecklist({ findings: [], coverage, audited: true, decisions: {}, channels: [] });
    expect(rows.find((row) => row.item.id === 'trackedInventory')).toMatchObject({ status: 'unknown', reason: 'Xero products and services not available' });
    expect(rows.find((row) => row.item.id === 'bankAccountCodes')?.status).toBe('pass');
    for (const rule of RULES) expect(RULE_CODES[rule.id]).toBeDefined();
    // Xero's tax rates not fetched: the tax item cannot pass.
    const noRates = RULES.map((rule) => ({ check: rule.id, ran: !rule.needs.includes('xero.taxRates'), reason: 'Xero tax rates not available' }));
    const taxRow = buildChecklist({ findings: [], coverage: noRates, audited: true, decisions: {}, channels: [] }).find((row) => row.item.id === 'taxRules');
    expect(taxRow).toMatchObject({ status: 'unknown', reason: 'Xero tax rates not available' });
  });

  it('passes the tax item on the healthy scenario and fails it on the broken one, with every tax code', async () => {
    const { audit } = await import('../../../utils/audit');
    const { loadScenario, SCENARIO_TODAY } = await import('../../../utils/scenarios');
    const taxRow = (name: 'healthy' | 'broken') => {
      const { findings, coverage } = audit(loadScenario(name), { today: SCENARIO_TODAY });
      return buildChecklist({ findings, coverage, audited: true, decisions: {}, channels: [] }).find((row) => row.item.id === 'taxRules');
    };
    expect(taxRow('healthy')?.status).toBe('pass');
    const broken = taxRow('broken');
    expect(broken?.status).toBe('fail');
    expect(broken?.kind).toBe('audit');
    const findings = broken?.kind === 'audit' ? broken.findings : [];
    expect(new Set(findings.map((finding) => finding.code))).toEqual(
      new Set(['RECORD_TAX_RULE_INVALID', 'TAX_RULE_NOT_IN_XERO', 'TAX_RATE_NOT_APPLICABLE', 'TAX_RULE_ACCOUNT_INVALID']),
    );
  });

  it('does not wait for per-document checks: lock dates are known without any sale or purchase fetched', async () => {
    const { RULES } = await import('../../../utils/audit/rules');
    const documentRules = RULES.filter((rule) => [...rule.needs, ...(rule.needsAnyOf ?? [])].some((key) => key === 'cin7.sales' || key === 'cin7.purchases'));
    expect(documentRules.length).toBeGreaterThan(0);
    const coverage = RULES.map((rule) => ({ check: rule.id, ran: !documentRules.includes(rule), reason: 'Cin7 Core sales not available' }));
    const rows = buildChecklist({ findings: [], coverage, audited: true, decisions: {}, channels: [] });
    expect(rows.find((row) => row.item.id === 'periodLockDates')?.status).toBe('pass');
    expect(rows.find((row) => row.item.id === 'chartOfAccountsLinked')?.status).toBe('pass');
  });
});
