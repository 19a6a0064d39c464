// The practice page with a fake client: one row per pair with the popup's own totals, sorting, filtering, the last
// change by finding, "refresh all" and its progress, and the import's error.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PracticePage, type PracticeClient } from '@/components/practice/PracticePage';
import { auditTotals } from '@/components/ui/audit-view';
import { NEXT_STEP_WORDS } from '@/components/ui/next-step';
import { detectChange } from '@/utils/practice/changes';
import { MAX_PRACTICE_FILE_CHARS, PRACTICE_FILE_TOO_LARGE } from '@/utils/practice/file';
import type { Pair, Status } from '@/utils/protocol/shapes';
import { ActionError } from '@/utils/protocol/wire';

afterEach(cleanup);

const finding = (key: string, code: string, severity: 'error' | 'warning', reviewed = false) =>
  ({ key, code, severity, reviewed, message: code, subject: { kind: 'role', key } }) as unknown as Status['findings'][number];
const pairOf = (id: string, cin7: string, xero: string): Pair => ({ id, name: `${cin7} ↔ ${xero}`, cin7AccountId: `acc-${id}`, cin7Company: cin7, xeroTenantId: `t-${id}`, xeroTenantName: xero });
const statusOf = (findings: Status['findings'], extra: Partial<Status> = {}): Status => ({
  connection: { xero: 'connected', cin7: 'connected' },
  findings,
  coverage: [],
  summary: { errors: 0, warnings: 0, infos: 0, total: findings.length },
  ...extra,
});

const acme = pairOf('p1', 'Acme', 'Acme Ltd');
const bolt = pairOf('p2', 'Bolt', 'Bolt NZ');
const acmeFindings = [finding('a', 'ACCOUNT_ARCHIVED', 'error'), finding('b', 'W', 'warning'), finding('r', 'X', 'error', true)];
const change = detectChange({ keys: [], findings: [] }, { keys: ['a'], findings: [{ code: 'ACCOUNT_ARCHIVED', severity: 'error' }] }, new Date().toISOString());

function fakeClient(): PracticeClient & { refreshAll: ReturnType<typeof vi.fn> } {
  return {
    getPractice: vi.fn(async () => ({
      rows: [
        { pair: bolt, status: statusOf([]), history: [] },
        { pair: acme, status: statusOf(acmeFindings, { mappingReadAt: new Date().toISOString() }), history: [change] },
      ],
      run: { pending: ['p2'], done: ['p1'], skipped: [], startedAt: 'x', full: false, scheduled: false },
      xeroConnections: 2,
    })),
    refreshAll: vi.fn(async () => ({ run: { pending: [], done: [], skipped: [], startedAt: 'x', full: false, scheduled: false } })),
    exportPractice: vi.fn(async () => ({ json: '{}' })),
    importPractice: vi.fn(async () => {
      throw new ActionError('This file is not a Mapping Guard practice file.', undefined, 'invalid-practice-file');
    }),
    onStatusChanged: () => () => undefined,
  } as unknown as PracticeClient & { refreshAll: ReturnType<typeof vi.fn> };
}

function emptyClient(): PracticeClient & { refreshAll: ReturnType<typeof vi.fn> } {
  const client = fakeClient();
  client.getPractice = vi.fn(async () => ({ rows: [], xeroConnections: 0 })) as never;
  return client;
}

function renderPage(client = fakeClient()) {
  render(
    <PracticePage
      client={client}
      checklists={{ read: async () => ({ pairs: {} }), watch: () => () => undefined }}
      links={{ report: (id) => `report.html?pair=${id}`, checklist: (id) => `popup.html?pair=${id}`, setUp: 'welcome.html' }}
      now={() => new Date()}
      download={vi.fn()}
    />,
  );
  return client;
}

const rowNames = () => screen.getAllByRole('row').slice(1).map((row) => within(row).getByRole('rowheader').textContent);

describe('practice page', () => {
  it('shows one row per pair, worst first, with the popup’s open counts and the new finding', async () => {
    renderPage();
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    expect(rowNames()[0]).toContain('Acme');
    const acmeRow = screen.getAllByRole('row')[1]!;
    const totals = auditTotals(acmeFindings); // reviewed findings are not open, as in the popup
    expect(within(acmeRow).getByText(`${totals.open.error} error · ${totals.open.warning} warning`)).toBeTruthy();
    expect(acmeRow.textContent).toContain('1 new error (ACCOUNT_ARCHIVED)');
    expect(within(acmeRow).getByRole('link', { name: 'Report of Acme ↔ Acme Ltd' }).getAttribute('href')).toBe('report.html?pair=p1');
    expect(within(acmeRow).getByRole('link', { name: 'Checklist of Acme ↔ Acme Ltd' }).getAttribute('href')).toBe('popup.html?pair=p1');
    expect(screen.getByText(/Refreshing clients: 1 of 2 done/)).toBeTruthy();
    expect(screen.getAllByRole('row')[2]!.textContent).toContain('Waiting its turn to refresh'); // Bolt, still pending
  });

  it('sorts by name and filters by text and by open errors', async () => {
    renderPage();
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'name' } });
    expect(rowNames()[0]).toContain('Acme');
    fireEvent.change(screen.getByLabelText('Find'), { target: { value: 'bolt' } });
    expect(rowNames()).toHaveLength(1);
    expect(rowNames()[0]).toContain('Bolt');
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'errors' } });
    expect(screen.getByText('Showing 0 of 2 clients.')).toBeTruthy();
  });

  it('refuses a foreign file with one clear error', async () => {
    renderPage();
    const file = new File(['{"name":"x"}'], 'x.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Import practice file'), { target: { files: [file] } });
    await waitFor(() => expect(screen.getByText('This file is not a Mapping Guard practice file.')).toBeTruthy());
  });

  it('refuses a file over the size limit before reading it, in the file limit’s words', async () => {
    const client = renderPage();
    const file = new File(['{}'], 'big.json', { type: 'application/json' });
    Object.defineProperty(file, 'size', { value: MAX_PRACTICE_FILE_CHARS + 1 });
    const read = vi.spyOn(file, 'text');
    fireEvent.change(screen.getByLabelText('Import practice file'), { target: { files: [file] } });
    await waitFor(() => expect(screen.getByText(PRACTICE_FILE_TOO_LARGE)).toBeTruthy());
    expect(read).not.toHaveBeenCalled();
    expect(client.importPractice).not.toHaveBeenCalled();
  });
});

describe('practice page next steps (issue #20)', () => {
  it('with no client, says what a client is and links to the guided set-up; Refresh all is off', async () => {
    renderPage(emptyClient());
    const empty = await screen.findByTestId('practice-empty');
    expect(within(empty).getByRole('heading', { name: NEXT_STEP_WORDS.noClient })).toBeTruthy();
    expect(within(empty).getByRole('link', { name: NEXT_STEP_WORDS.setUp }).getAttribute('href')).toBe('welcome.html');
    expect((screen.getByRole('button', { name: 'Refresh all' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says per client what to renew, that a refresh failed, and that the mapping is unread', async () => {
    const client = fakeClient();
    client.getPractice = vi.fn(async () => ({
      rows: [{ pair: acme, status: statusOf([], { connection: { cin7: 'reconnect-needed', xero: 'connected' }, lastError: { message: 'Cin7 Core said 403.' } }), history: [] }],
      xeroConnections: 1,
    })) as never;
    renderPage(client);
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    const row = screen.getAllByRole('row')[1]!;
    expect(row.textContent).toContain(NEXT_STEP_WORDS.reconnectCin7);
    expect(row.textContent).toContain(`${NEXT_STEP_WORDS.refreshFailed} Cin7 Core said 403.`);
    expect(row.textContent).toContain(NEXT_STEP_WORDS.mappingUnread);
  });
});
