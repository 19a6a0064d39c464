// The popup's sync errors: the failed rows seen on Cin7 Core pages of the shown pair, grouped by cause with a count
// per cause and "This will keep failing until …" from the status's findings; and the paste box.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PopupSyncErrors } from '../../../components/checklist/PopupSyncErrors';
import { SYNC_ERROR_SAMPLES } from '../../../utils/explain';
import { fakeClient, finding, status } from './fake-client';

afterEach(cleanup);

const archived455 = finding({
  code: 'ACCOUNT_NOT_FOUND',
  subject: { kind: 'role', key: 'cogs', label: 'Cost of sales' },
  message: "The Cost of sales role is mapped to 455, which is not in Xero's chart of accounts.",
  key: 'ACCOUNT_NOT_FOUND|role|cogs',
});
const shown = status({ findings: [archived455] });

describe('PopupSyncErrors', () => {
  it('groups the rows seen for the pair by cause, counts them, and says what they keep failing until', async () => {
    const fake = fakeClient({ 'pair-a': shown }, {
      'pair-a': [
        "Account code '455' has been archived, or has been deleted. Each line item must reference a valid account.",
        "Account code '455' has been archived, or has been deleted.",
        'Organisation is not subscribed to currency SGD',
      ],
    });
    render(<PopupSyncErrors client={fake.client} status={shown} />);
    const section = await screen.findByRole('region', { name: 'Sync errors' });
    await waitFor(() => expect(within(section).getByText(/3 rows failed on Cin7 Core pages/)).toBeTruthy());
    expect(fake.client.getSyncErrors).toHaveBeenCalledWith({ pairId: 'pair-a' });
    const groups = [...section.querySelectorAll('li[data-cause]')].map((item) => [item.getAttribute('data-cause'), item.querySelector('.mg-muted')?.textContent]);
    expect(groups).toEqual([['account-archived', '(2 rows)'], ['currency-not-enabled', '(1 row)']]);
    expect(section.querySelector('li[data-cause="account-archived"] .mg-until')?.textContent).toBe(
      "This will keep failing until 455 is added to Xero's chart of accounts again or the role that uses it (Cost of sales) is mapped to another account.",
    );
    expect(section.querySelector('li[data-cause="currency-not-enabled"] .mg-until')).toBeNull();
  });

  it('says when no rows were seen; the paste box explains a text, and says so for an unknown one', async () => {
    const fake = fakeClient({ 'pair-a': shown });
    render(<PopupSyncErrors client={fake.client} status={shown} />);
    await waitFor(() => expect(screen.getByText(/No failed syncs seen/)).toBeTruthy());
    const box = screen.getByLabelText('Paste a sync error from Cin7 Core or Xero');
    fireEvent.change(box, { target: { value: `A validation exception occurred\nXRO068: ${SYNC_ERROR_SAMPLES['currency-not-enabled']}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
    const form = screen.getByRole('form', { name: 'Explain a sync error' });
    expect(within(form).getByText('Currency not enabled in Xero: SGD')).toBeTruthy();
    expect(within(form).getByRole('link', { name: /Currencies/ }).getAttribute('href')).toMatch(/^https:\/\/go\.xero\.com\//);
    fireEvent.change(box, { target: { value: 'The printer is out of paper' } });
    // Ctrl+Enter explains from the keyboard without leaving the box.
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect(within(form).getByText('Not a sync error Mapping Guard knows.')).toBeTruthy();
    expect(form.querySelector('li[data-cause]')).toBeNull();
  });
});
