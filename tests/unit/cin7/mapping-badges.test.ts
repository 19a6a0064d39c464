import { beforeEach, describe, expect, it } from 'vitest';
import { badgeFor, rowFindings, rowStatus } from '../../../entrypoints/cin7.content/mapping-status';
import { renderBadge, removeBadges } from '../../../utils/overlay/badges';
import { finding, status } from '../overlay/status-fixtures';

describe('rowStatus', () => {
  const cases = [
    ['MAPPING_MISSING', 'unmapped'],
    ['ACCOUNT_TYPE_MISMATCH', 'wrong-type'],
    ['PAYMENTS_NOT_ENABLED', 'payments'],
    ['PAYMENTS_ENABLED', 'payments'],
    ['ACCOUNT_ARCHIVED', 'archived'],
    ['ACCOUNT_NOT_FOUND', 'not-found'],
    ['SYSTEM_ACCOUNT_MAPPED', 'system-account'],
  ] as const;
  it.each(cases)('a role finding %s makes the row %s', (code, kind) => {
    const result = rowStatus('cogs', '500: COGS', status({ findings: [finding({ code, subject: { kind: 'role', key: 'cogs', label: 'COGS' } })] }));
    expect(result.kind).toBe(kind);
  });

  it('a duplicate finding about the account marks every row mapped to it', () => {
    const duplicate = finding({ code: 'MAPPING_NOT_UNIQUE', subject: { kind: 'account', key: '1400', label: 'Inventory' } });
    const current = status({ findings: [duplicate] });
    expect(rowStatus('inventoryControl', '1400: Inventory Control', current).kind).toBe('duplicate');
    expect(rowStatus('customerCredits', '1400 - Inventory Control', current).kind).toBe('duplicate');
    expect(rowStatus('accountsReceivable', '610: AR', current).kind).toBe('ok');
  });

  it('findings about other roles do not touch the row', () => {
    expect(rowFindings('cogs', '500', [finding({ subject: { kind: 'role', key: 'inventoryControl', label: 'x' } })])).toEqual([]);
  });

  it('the worst finding decides', () => {
    const current = status({
      findings: [
        finding({ key: 'w', code: 'PAYMENTS_ENABLED', severity: 'warning' }),
        finding({ key: 'e', code: 'ACCOUNT_ARCHIVED', severity: 'error' }),
      ],
    });
    expect(rowStatus('cogs', '500', current).kind).toBe('archived');
  });

  it('unchecked while not connected; unknown labels are not judged', () => {
    expect(rowStatus('cogs', '500', null).kind).toBe('unchecked');
    expect(rowStatus('cogs', '500', status({ connection: { cin7: 'connected', xero: 'not-connected' } })).kind).toBe('unchecked');
    expect(rowStatus(null, '500', status()).kind).toBe('unknown-role');
  });

  it('an empty row is unmapped for a required role, neutral for an optional one', () => {
    const clean = status({ findings: [] });
    expect(rowStatus('cogs', '', clean).kind).toBe('unmapped');
    expect(rowStatus('currentYearProfits', '', clean).kind).toBe('optional-unmapped');
    expect(rowStatus('cogs', '500: Cost of Goods Sold', clean).kind).toBe('ok');
  });

  it('badge carries the rule, the finding and its fix', () => {
    const row = rowStatus('cogs', '400', status());
    const badge = badgeFor(row, 'cogs');
    expect(badge.text).toBe('Wrong type');
    expect(badge.tone).toBe('error');
    expect(badge.tooltip).toMatch(/Cost of Goods Sold needs/);
    expect(badge.tooltip).toMatch(/Overhead account/);
    expect(badge.fix).toEqual({ url: expect.stringContaining('go.xero.com'), label: 'Open the chart of accounts in Xero', newTab: true });
  });
});

describe('renderBadge', () => {
  beforeEach(() => document.body.replaceChildren());

  it('renders text only (markup payloads stay text) and refuses non-https fix links', () => {
    const cell = document.createElement('td');
    document.body.append(cell);
    renderBadge(cell, {
      tone: 'error',
      text: '<img src=x onerror=alert(1)>',
      tooltip: '<script>alert(1)</script>',
      fix: { url: 'javascript:alert(1)', label: 'x', newTab: false },
    });
    expect(cell.querySelector('img, script')).toBeNull();
    expect(cell.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(cell.querySelector('a')).toBeNull();
  });

  it('updates in place instead of stacking, and removes cleanly', () => {
    const cell = document.createElement('td');
    document.body.append(cell);
    renderBadge(cell, { tone: 'ok', text: 'OK', tooltip: 'fine' });
    renderBadge(cell, { tone: 'error', text: 'Archived', tooltip: 'gone', fix: { url: 'https://go.xero.com/x', label: 'Fix it', newTab: true } });
    expect(cell.querySelectorAll('[data-mg-badge]')).toHaveLength(1);
    const link = cell.querySelector('a')!;
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(cell.querySelector('[role="note"]')?.getAttribute('title')).toBe('gone');
    removeBadges(document);
    expect(cell.querySelector('[data-mg-badge]')).toBeNull();
  });
});

describe('rowStatus before the mapping was audited', () => {
  it('is "not checked yet" while the background has no mapping', () => {
    expect(rowStatus('cogs', '500', status({ mappingReadAt: undefined, findings: [] })).kind).toBe('unchecked');
  });
});
