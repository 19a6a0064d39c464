// The bank accounts feature: Xero's page shows no codes, so the last check's findings say which accounts lack one,
// matched by AccountID or name; rows it cannot match are named in the panel, never guessed.
import { cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import bankAccounts from '../../../entrypoints/xero.content/features/bank-accounts';
import { BADGE_ATTRIBUTE } from '../../../utils/overlay/badges';
import { finding, status } from '../overlay/status-fixtures';
import { facts, featureEnv, loadFixture, pills, renderSection } from './helpers';

afterEach(cleanup);

describe('bank-accounts feature', () => {
  it('flags bank accounts without a code', async () => {
    loadFixture('bank-accounts-variant.html');
    const setup = featureEnv('https://go.xero.com/Bank/BankAccounts.aspx', status({ findings: [] }), facts());
    await bankAccounts.init(setup.controller.signal, setup.env);
    expect(pills('bank-code')).toEqual(['No code: Cin7 Core cannot see it']);
    expect(document.querySelector(`[${BADGE_ATTRIBUTE}="bank-code"]`)?.closest('tr')?.textContent).toContain('Savings');
    expect(renderSection(setup.panel, 'bank-accounts').container.textContent).toContain('Without a code: <img src=x onerror="alert(1)"> Savings.');
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });

  // Changed by issue #13: the sandbox page now shows no codes (as Xero's), so "all good" comes from the last check.
  it('all good on the sandbox page (no code column): the last check found none without a code', async () => {
    loadFixture('bank-accounts.html');
    const setup = featureEnv('https://go.xero.com/Bank/BankAccounts.aspx', status({ findings: [] }), facts());
    await setup.statusStore.load();
    await bankAccounts.init(setup.controller.signal, setup.env);
    expect(pills('bank-code')).toEqual([]);
    expect(renderSection(setup.panel, 'bank-accounts').container.textContent).toContain('The last check found no bank account without a code (1 on this page).');
  });

  const noCode = (key: string, label: string) =>
    finding({ key: `bank:${key}`, code: 'BANK_ACCOUNT_WITHOUT_CODE', subject: { kind: 'account', key, label }, message: `The Xero bank account "${label}" has no code.`, fix: undefined });

  it('flags the accounts the check found without a code by AccountID or name, and names the ones it cannot match', async () => {
    loadFixture('bank-accounts-classic.html');
    const findings = [
      noCode('9a000000-0000-4000-8000-0000000000b1', 'Renamed since'),
      noCode('9a000000-0000-4000-8000-00000000dead', 'Business Savings Account'),
      noCode('9a000000-0000-4000-8000-00000000beef', 'Closed Account'),
    ];
    const setup = featureEnv('https://go.xero.com/Bank/BankAccounts.aspx', status({ findings }), facts());
    await setup.statusStore.load();
    await bankAccounts.init(setup.controller.signal, setup.env);
    // Matched by the AccountID in its links, whatever its name now.
    expect(pills('bank-code')).toEqual(['No code: Cin7 Core cannot see it']);
    expect(document.querySelector(`[${BADGE_ATTRIBUTE}="bank-code"]`)?.closest('.bank')?.textContent).toContain('090-8007-006543');
    const text = renderSection(setup.panel, 'bank-accounts').container.textContent;
    expect(text).toContain('Without a code: Business Bank Account.');
    // Two rows share that name: no guess.
    expect(text).toContain('“Business Savings Account” (2 accounts on this page have that name; cannot tell which)');
    expect(text).toContain('“Closed Account” (no account of that name on this page)');
  });

  it('before any check, says the codes come from the API', async () => {
    loadFixture('bank-accounts.html');
    const setup = featureEnv('https://go.xero.com/Bank/BankAccounts.aspx', status({ findings: [], fetchedAt: undefined }), facts());
    await setup.statusStore.load();
    await bankAccounts.init(setup.controller.signal, setup.env);
    expect(pills('bank-code')).toEqual([]);
    expect(renderSection(setup.panel, 'bank-accounts').container.textContent).toContain('This page shows no account codes: they come from Xero’s API');
  });
});

