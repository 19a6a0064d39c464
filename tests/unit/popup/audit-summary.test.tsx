// Issue #14: the popup and the panel tell one story — the same open totals (reviewed findings apart), the same score
// (a cause once, nothing until the mapping is read), the coverage — and the popup orders the fixes by step and app.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { PopupApp } from '../../../components/checklist/PopupApp';
import { HealthPanel } from '../../../components/panel/HealthPanel';
import { createChecklistStore, type ChecklistStore } from '../../../utils/store/checklist';
import type { Status } from '../../../utils/protocol/shapes';
import { fakeClient } from './fake-client';
import { auditStatus, EXPECTED, LEARNED_MAPPING } from './audit-fixture';

const stores: ChecklistStore[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(stores.splice(0).map((store) => store.dispose()));
});

async function renderPopup(status: Status) {
  const checklist = createChecklistStore({ debounceMs: 10_000 });
  stores.push(checklist);
  const view = render(
    <PopupApp
      client={fakeClient({ 'pair-a': status }).client}
      checklist={checklist}
      openOptions={vi.fn()}
      reportUrl={(pairId) => `chrome-extension://id/report.html?pair=${pairId}`}
    />,
  );
  const audit = (await screen.findByRole('region', { name: 'Audit' })) as HTMLElement;
  return { ...view, audit };
}

function renderPanel(status: Status, now: number) {
  render(
    <HealthPanel
      currentApp="xero"
      status={status}
      loading={false}
      error={null}
      refreshing={null}
      refreshRequested={false}
      collapsed={false}
      onToggle={vi.fn()}
      onRefresh={vi.fn()}
      onOpenOptions={vi.fn()}
      mappingPageUrl={LEARNED_MAPPING}
      mappingPageLabel="Open Account Mapping in Cin7 Core"
      now={() => new Date(now)}
    />,
  );
  return screen.getByRole('region', { name: 'Mapping Guard' });
}

const text = (element: HTMLElement) => element.textContent?.replace(/\s+/g, ' ') ?? '';

describe('the same audit in the popup and the panel', () => {
  it('both count the status’s findings: open by severity, reviewed apart, and the same score (a cause once)', async () => {
    const now = Date.now();
    const { audit } = await renderPopup(auditStatus(now));
    const popupSaid = [within(audit).getByText(EXPECTED.open), within(audit).getByText(EXPECTED.total)];
    expect(popupSaid).toHaveLength(2);
    expect(text(audit)).toMatch(EXPECTED.score);
    // The checklist's progress is said as the checklist's, not as the audit.
    expect(screen.getByRole('status').textContent).toMatch(/^Onboarding checklist: \d+ of \d+ items done/);
    cleanup();

    const panel = renderPanel(auditStatus(now), now);
    expect(within(panel).getByText(EXPECTED.open)).toBeTruthy();
    expect(within(panel).getByText(EXPECTED.total)).toBeTruthy();
    expect(text(panel)).toMatch(EXPECTED.score);
    // The header counts the open ones too, not the background's summary (9 errors there).
    expect(screen.getByRole('button', { name: /^Mapping Guard/ }).textContent).toContain('4 errors · 1 warning');
  });

  it('marking the last warning reviewed takes it out of the open totals and the score', async () => {
    const now = Date.now();
    const base = auditStatus(now);
    const status = { ...base, findings: base.findings.map((finding) => (finding.key === 'doc' ? { ...finding, reviewed: true } : finding)) };
    const panel = renderPanel(status, now);
    expect(within(panel).getByText('Open: 4 errors · no warnings · 1 note')).toBeTruthy();
    expect(within(panel).getByText('7 findings in the audit, 2 reviewed (not counted as open)')).toBeTruthy();
    expect(text(panel)).toMatch(/Health score 61\s*\/100: Needs attention/); // 100 × 0.85³
  });

  it('no score until the mapping is read, with the one-click jump to Account Mapping (learned page applied)', async () => {
    const now = Date.now();
    const unread = auditStatus(now, { mappingReadAt: undefined });
    const { audit } = await renderPopup(unread);
    const score = within(audit).getByText('Health score: Not scored until the account mapping is read.');
    expect(text(audit)).not.toMatch(/\/100/);
    // The jump sits with the score's words (the fix plan below has its own links).
    const link = within(score.parentElement!).getByRole('link', { name: /Open Account Mapping in Cin7 Core/ });
    expect(link.getAttribute('href')).toBe(LEARNED_MAPPING);
    cleanup();

    const panel = renderPanel(unread, now);
    expect(within(panel).getByText('Health score: Not scored until the account mapping is read.')).toBeTruthy();
    expect(within(panel).getByRole('link', { name: 'Open Account Mapping in Cin7 Core' }).getAttribute('href')).toBe(LEARNED_MAPPING);
  });
});

describe('coverage', () => {
  it('the popup says which checks could not run and why, when each list was fetched, and the document window', async () => {
    const now = Date.now();
    const { audit } = await renderPopup(auditStatus(now));
    expect(within(audit).getByText('Checks: 1 of 2 ran, 1 could not')).toBeTruthy();
    expect(within(audit).getByText('Documents in locked periods: The sales list failed: Cin7 Core answered 503.')).toBeTruthy();
    expect(within(audit).getByText('1 check that ran')).toBeTruthy();
    expect(within(audit).getByText('Mapped accounts exist in Xero')).toBeTruthy();
    expect(within(audit).getByText(/^Xero accounts: 5 min ago \(/)).toBeTruthy();
    expect(within(audit).getByText(/^Cin7 Core products: 2 h ago \(/)).toBeTruthy();
    expect(within(audit).getByText('Sales and purchases dated from 1 Jul 2026 and not completed (12 sales, 1 purchase)')).toBeTruthy();
  });

  it('the panel keeps it in a closed disclosure and falls back to the snapshot’s one fetch time', () => {
    const now = Date.now();
    const panel = renderPanel(auditStatus(now, { fetched: undefined, documentWindow: undefined }), now);
    const summary = within(panel).getByText('Checks: 1 of 2 ran, 1 could not');
    const details = summary.closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(within(panel).queryByText(/The sales list failed/)).toBeNull();
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(within(details).getByText('Documents in locked periods: The sales list failed: Cin7 Core answered 503.')).toBeTruthy();
    expect(within(details).getByText('Ran: Mapped accounts exist in Xero.')).toBeTruthy();
    expect(within(details).getByText('All lists (oldest): 2 h ago')).toBeTruthy();
    expect(within(details).getByText('None in this audit: no document window reported.')).toBeTruthy();
  });

  it('says nothing of totals, score or coverage before any audit ran', async () => {
    const now = Date.now();
    const { audit } = await renderPopup(auditStatus(now, { summary: undefined, findings: [], coverage: [] }));
    expect(within(audit).getByText('Not audited yet.')).toBeTruthy();
    expect(text(audit)).not.toMatch(/Health score|Checks:|Fix plan/);
  });
});

describe('the fix plan in the popup', () => {
  it('orders the steps by what unblocks what, groups each by app, and lists each cause once with its jump', async () => {
    await renderPopup(auditStatus(Date.now()));
    const summary = screen.getByText('Fix plan: 5 things to fix in 4 steps');
    const plan = summary.closest('details') as HTMLElement;
    const steps = within(plan).getAllByRole('listitem').filter((item) => item.classList.contains('mg-plan-step'));
    expect(steps.map((step) => step.querySelector('.mg-plan-title')?.textContent)).toEqual([
      'Base currency and currencies',
      'Tracked inventory in Xero',
      'Account mapping',
      'Lock dates and documents',
    ]);
    const groups = (step: HTMLElement) => within(step).getAllByRole('list').map((list) => list.getAttribute('aria-labelledby') && text(document.getElementById(list.getAttribute('aria-labelledby')!)!));
    expect(groups(steps[0]!)).toEqual(['In Cin7 Core']);
    expect(groups(steps[1]!)).toEqual(['In Xero']);
    expect(groups(steps[3]!)).toEqual(['In Xero', 'In Cin7 Core']);
    // 820 behind two roles: one fix, its learned Account Mapping link, the second finding not listed apart.
    const mapping = within(steps[2]!).getAllByRole('listitem');
    expect(mapping).toHaveLength(1);
    expect(text(mapping[0]!)).toContain('820 is behind Inventory and COGS. (2 findings, one fix)');
    expect(within(mapping[0]!).getByRole('link', { name: /Open Account Mapping in Cin7 Core/ }).getAttribute('href')).toBe(
      `${LEARNED_MAPPING}&mg-target=role:inventory`,
    );
    expect(within(plan).queryByText('820 is behind COGS and Inventory.')).toBeNull();
    // The reviewed warning is not a step of the plan.
    expect(within(plan).queryByText('Bank 090 does not take payments.')).toBeNull();
    // Keyboard: the plan is a native disclosure (its summary takes focus) and each jump is a real link.
    expect(summary.tagName).toBe('SUMMARY');
    expect(within(steps[1]!).getByRole('link', { name: /Open Products and services/ }).getAttribute('href')).toBe('https://go.xero.com/Accounts/Inventory/');
  });
});
