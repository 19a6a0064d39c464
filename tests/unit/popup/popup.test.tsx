import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PopupApp } from '../../../components/checklist/PopupApp';
import { createChecklistStore, type ChecklistStore } from '../../../utils/store/checklist';
import { storedChecklist } from '../checklist/stored';
import { CHECKLIST_ITEMS } from '../../../utils/checklist/items';
import { fakeClient, finding, status } from './fake-client';

const stores: ChecklistStore[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(stores.splice(0).map((store) => store.dispose()));
});

function renderPopup(fake = fakeClient(), debounceMs = 10_000, activeTab: { host?: 'cin7' | 'xero'; tabId?: number } = {}) {
  const checklist = createChecklistStore({ debounceMs });
  stores.push(checklist);
  const openOptions = vi.fn();
  render(
    <PopupApp
      client={fake.client}
      checklist={checklist}
      activeHost={activeTab.host}
      activeTabId={activeTab.tabId}
      openOptions={openOptions}
      reportUrl={(pairId) => `chrome-extension://id/report.html?pair=${pairId}`}
    />,
  );
  return { ...fake, checklist, openOptions };
}

const itemToggle = (title: string) => screen.getByRole('button', { name: new RegExp(title) });

describe('popup checklist', () => {
  it('asks for the pair of the active Cin7 Core or Xero tab (the background knows which client that tab shows)', async () => {
    const { client } = renderPopup(fakeClient(), 10_000, { host: 'xero', tabId: 41 });
    await waitFor(() => expect(client.getStatus).toHaveBeenCalledWith({ host: 'xero', tabId: 41 }));
  });

  it('lists every checklist item in onboarding order', async () => {
    renderPopup();
    await screen.findByText('Acme Cin7 ↔ Acme Xero', { selector: 'p' });
    const toggles = await screen.findAllByRole('button', { expanded: false });
    const titles = [...screen.getAllByRole('heading', { level: 3 })].map((heading) => heading.textContent);
    expect(titles).toHaveLength(CHECKLIST_ITEMS.length);
    CHECKLIST_ITEMS.forEach((item, index) => expect(titles[index]).toContain(item.title));
    expect(toggles.length).toBeGreaterThan(0);
  });

  it('shows a failing audit item open with its finding and a fix link that opens in a new tab', async () => {
    renderPopup();
    const toggle = await screen.findByRole('button', { name: /Tracked inventory removed/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const row = toggle.closest('li') as HTMLElement;
    expect(within(row).getByText('Fix needed')).toBeTruthy();
    expect(within(row).getByText('Xero item WIDGET is tracked as inventory.')).toBeTruthy();
    const link = within(row).getByRole('link', { name: /Open Products and services/ });
    expect(link.getAttribute('href')).toBe('https://go.xero.com/Accounts/Inventory/#mg-target=item:WIDGET');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(screen.getByRole('status').textContent).toMatch(/to fix/);
  });

  it('never renders a fix link to a foreign or script URL', async () => {
    const fake = fakeClient({ 'pair-a': status({ findings: [finding({ fix: { app: 'xero', url: 'javascript:alert(1)', label: 'Evil' } })] }) });
    renderPopup(fake);
    // Shown in the checklist and in the fix plan: neither renders it as a link.
    expect((await screen.findAllByText('Evil')).length).toBe(2);
    expect(screen.queryByRole('link', { name: /Evil/ })).toBeNull();
  });

  it('shows "not yet known" before any audit ran', async () => {
    renderPopup(fakeClient({ 'pair-a': status({ summary: undefined, findings: [] }) }));
    await screen.findByText('Acme Cin7 ↔ Acme Xero', { selector: 'p' });
    const row = itemToggle('Bank account codes').closest('li') as HTMLElement;
    expect(within(row).getByText('Not yet known')).toBeTruthy();
  });

  it('records a decision from Cin7’s choices and a note, and writes it on blur', async () => {
    const { checklist } = renderPopup();
    await screen.findByText('Acme Cin7 ↔ Acme Xero', { selector: 'p' });
    await screen.findByRole('button', { name: /Approval workflow/ });
    fireEvent.click(itemToggle('Approval workflow'));
    const select = screen.getByLabelText('Xero invoice status');
    expect([...(select as HTMLSelectElement).options].map((option) => option.value)).toEqual(['', 'Draft', 'Authorised']);
    fireEvent.change(select, { target: { value: 'Draft' } });
    const note = screen.getByLabelText('Note on Approval workflow');
    fireEvent.change(note, { target: { value: 'Manager approves bills in Xero' } });
    const row = itemToggle('Approval workflow').closest('li') as HTMLElement;
    expect(within(row).getByText('Decided')).toBeTruthy();
    expect(await storedChecklist()).toBeUndefined();
    await act(async () => {
      fireEvent.blur(note);
      await checklist.flush();
    });
    const stored = await storedChecklist();
    expect(stored?.state.pairs['pair-a']?.decisions.approvalWorkflow).toMatchObject({
      values: { invoiceStatus: 'Draft' },
      note: 'Manager approves bills in Xero',
    });
  });

  it('flushes pending typing when the popup hides', async () => {
    renderPopup();
    await screen.findByRole('button', { name: /Reconciliation/ });
    fireEvent.click(itemToggle('Reconciliation'));
    fireEvent.change(screen.getByLabelText('Note on Reconciliation'), { target: { value: 'half-typed' } });
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(async () => {
      const stored = await storedChecklist();
      expect(stored?.state.pairs['pair-a']?.decisions.reconciliation?.note).toBe('half-typed');
    });
  });

  it('records sync types per sales channel', async () => {
    renderPopup();
    await screen.findByRole('button', { name: /Consolidating payments/ });
    fireEvent.click(itemToggle('Consolidating payments'));
    const row = itemToggle('Consolidating payments').closest('li') as HTMLElement;
    fireEvent.change(within(row).getByLabelText('New sales channel'), { target: { value: 'Shopify' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Add channel' }));
    fireEvent.change(within(row).getByLabelText('Payments for All channels'), { target: { value: 'Individual' } });
    expect(within(row).getByText('In progress')).toBeTruthy();
    fireEvent.change(within(row).getByLabelText('Payments for Shopify'), { target: { value: 'Daily consolidate' } });
    expect(within(row).getByText('Decided')).toBeTruthy();
    // The channel list is the pair's: the invoices table shows the new channel too.
    const invoices = itemToggle('Consolidating invoices').closest('li') as HTMLElement;
    expect(within(invoices).getByLabelText('Invoices for Shopify')).toBeTruthy();
  });

  it('re-runs the audit and shows the background’s progress', async () => {
    const fake = fakeClient();
    const { client, emit } = renderPopup(fake);
    // The pair's status first: the button does nothing until the popup knows which pair it shows.
    await screen.findByText('Acme Cin7 ↔ Acme Xero', { selector: 'p' });
    const button = await screen.findByRole('button', { name: 'Re-run audit' });
    fake.statuses['pair-a'] = status({ refreshing: { list: 'Xero accounts', page: 1, pages: 3, message: 'Reading Xero accounts' } });
    fireEvent.click(button);
    await waitFor(() => expect(client.refresh).toHaveBeenCalledWith({ pairId: 'pair-a' }));
    act(() => emit({ pairId: 'pair-a' }));
    expect(await screen.findByText('Reading Xero accounts (page 1 of 3)')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Auditing…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('switches between pairs', async () => {
    const fake = fakeClient({
      'pair-a': status(),
      'pair-b': status({ pairId: 'pair-b', pairName: 'Beta Cin7 ↔ Beta Xero', findings: [] }),
    });
    const { client } = renderPopup(fake);
    const select = await screen.findByLabelText('Cin7 Core ↔ Xero pair');
    fireEvent.change(select, { target: { value: 'pair-b' } });
    expect(await screen.findByText('Beta Cin7 ↔ Beta Xero', { selector: 'p' })).toBeTruthy();
    expect(client.selectPair).toHaveBeenCalledWith({ pairId: 'pair-b' });
    expect(client.getStatus).toHaveBeenLastCalledWith({ pairId: 'pair-b', host: undefined });
  });

  it('marks a warning reviewed through the background', async () => {
    const warning = finding({ code: 'LOCK_DATE_NOT_SET', severity: 'info', subject: { kind: 'organisation', key: 'organisation', label: 'Org' }, message: 'No lock date set.', key: 'LOCK|org', fix: undefined });
    const { client } = renderPopup(fakeClient({ 'pair-a': status({ findings: [warning] }) }));
    fireEvent.click(await screen.findByRole('button', { name: 'Mark reviewed' }));
    await waitFor(() => expect(client.markReviewed).toHaveBeenCalledWith({ findingKey: 'LOCK|org', reviewed: true, pairId: 'pair-a' }));
  });

  it('sends a user who is not connected to Settings', async () => {
    const { openOptions } = renderPopup(fakeClient({ 'pair-a': status({ connection: { cin7: 'not-connected', xero: 'connected' } }) }));
    fireEvent.click(await screen.findByRole('button', { name: /Connect Cin7 Core and Xero/ }));
    expect(openOptions).toHaveBeenCalled();
    expect((screen.getByRole('button', { name: 'Re-run audit' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
