// The report's history of checks (issue #18): the trend and the last checks with the codes new and resolved.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { HistorySection } from '@/components/report/HistorySection';
import { detectChange } from '@/utils/practice/changes';

afterEach(cleanup);

const audit = (...codes: string[]) => ({ keys: codes, findings: codes.map((code) => ({ code, severity: 'error' as const })) });

describe('HistorySection', () => {
  it('shows the trend and each check, newest first, with what was new and resolved', async () => {
    const history = [
      detectChange(undefined, audit('A', 'B'), '2026-12-01T10:00:00.000Z'),
      detectChange(audit('A', 'B'), audit('B'), '2026-12-02T10:00:00.000Z'),
    ];
    render(<HistorySection load={async () => history} locale="en-NZ" />);
    await waitFor(() => expect(screen.getByRole('heading', { name: 'History of checks' })).toBeTruthy());
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('2 checks: errors 2, 1; better since 2026-12-01');
    const rows = screen.getAllByRole('row').slice(1).map((row) => row.textContent);
    expect(rows[0]).toMatch(/1\s*0—A$/);
    expect(rows[1]).toMatch(/first check—$/);
  });

  it('shows nothing before the first check', async () => {
    const { container } = render(<HistorySection load={async () => []} />);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(container.textContent).toBe('');
  });
});
