// No exception into the host page: a failure in work that observers trigger after start-up is reported in the
// panel's problems, and nothing is thrown to the page.
import { describe, expect, it } from 'vitest';
import bankAccounts from '../../../entrypoints/xero.content/features/bank-accounts';
import { guarded } from '../../../utils/overlay/guard';
import { status } from '../overlay/status-fixtures';
import { facts, featureEnv, loadFixture, settle } from './helpers';

describe('failures stay in the panel', () => {
  it('guarded reports instead of throwing', () => {
    const reported: unknown[] = [];
    const task = guarded((error) => reported.push(error), (value: number) => {
      throw new Error(`boom ${value}`);
    });
    expect(() => task(3)).not.toThrow();
    expect(reported).toEqual([new Error('boom 3')]);
  });

  it('a reader failing after a page change is reported, and the host page sees no error', async () => {
    loadFixture('bank-accounts-variant.html');
    const setup = featureEnv('https://go.xero.com/Bank/BankAccounts.aspx', status({ findings: [] }), facts());
    await bankAccounts.init(setup.controller.signal, setup.env);
    const pageErrors: unknown[] = [];
    const onError = (event: ErrorEvent) => pageErrors.push(event.error);
    window.addEventListener('error', onError);
    setup.env.status.getState = () => {
      throw new Error('status store broke');
    };
    document.querySelector('tbody')!.append(document.createElement('tr'));
    await settle(450);
    window.removeEventListener('error', onError);
    expect(setup.panel.getState().problems).toEqual([{ featureId: 'test', message: 'status store broke' }]);
    expect(pageErrors).toEqual([]);
    setup.controller.abort();
  });
});
