import type { Status, StatusFinding } from '../../../utils/protocol/shapes';

export function finding(overrides: Partial<StatusFinding> = {}): StatusFinding {
  return {
    key: overrides.key ?? `${overrides.code ?? 'ACCOUNT_TYPE_MISMATCH'}:${overrides.subject?.key ?? 'cogs'}`,
    reviewed: false,
    code: 'ACCOUNT_TYPE_MISMATCH',
    severity: 'error',
    subject: { kind: 'role', key: 'cogs', label: 'Cost of Goods Sold' },
    message: 'Cost of Goods Sold is mapped to 400 (Advertising), an Overhead account; Cin7 Core needs Direct Costs.',
    fix: { app: 'xero', url: 'https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx#mg-target=account:400', label: 'Open the chart of accounts in Xero' },
    ...overrides,
  };
}

export function status(overrides: Partial<Status> = {}): Status {
  const findings = overrides.findings ?? [finding()];
  return {
    connection: { cin7: 'connected', xero: 'connected' },
    pairId: 'pair-1',
    pairName: 'Acme Cin7 ↔ Acme Ltd',
    fetchedAt: '2026-11-21T10:00:00.000Z',
    mappingReadAt: '2026-11-21T09:00:00.000Z',
    summary: {
      errors: findings.filter((item) => item.severity === 'error').length,
      warnings: findings.filter((item) => item.severity === 'warning').length,
      infos: findings.filter((item) => item.severity === 'info').length,
      total: findings.length,
    },
    coverage: [],
    ...overrides,
    findings,
  };
}
