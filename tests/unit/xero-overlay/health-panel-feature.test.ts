// The health panel on every Xero page: it stays across navigation and, when it starts, loads the pair's status and
// the pair facts the chart and lock-date features share (mounting the panel itself is covered by the e2e tests).
import { describe, expect, it } from 'vitest';
import healthPanel from '../../../entrypoints/xero.content/features/health-panel';
import { status } from '../overlay/status-fixtures';
import { facts, featureEnv } from './helpers';

describe('Xero health-panel feature', () => {
  it('runs on every page, is never restarted, and loads the status and the pair facts when it starts', async () => {
    expect(healthPanel.restartOn).toBe('never');
    expect(healthPanel.include.every((test) => test(new URL('https://go.xero.com/Bank/BankAccounts.aspx')))).toBe(true);
    const pageFacts = facts({ cin7LockDate: '2026-01-31' });
    const setup = featureEnv('https://go.xero.com/Dashboard/', status(), pageFacts);
    await healthPanel.init(setup.controller.signal, setup.env);
    expect(setup.client.getStatus).toHaveBeenCalledTimes(1);
    expect(setup.background.getXeroPageFacts).toHaveBeenCalled();
    await expect.poll(() => setup.factsStore.getState().facts).toEqual(pageFacts);
    setup.controller.abort();
  });
});
