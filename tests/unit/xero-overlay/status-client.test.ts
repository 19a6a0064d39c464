// The status client asks for the pair of the page shown: the identity is read at each request (the newer app
// switches organisation without a page load), and the Cin7 overlay's call stays as it was.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messagingStatusClient } from '../../../utils/overlay/status-store';
import { status } from '../overlay/status-fixtures';

describe('messagingStatusClient', () => {
  it('sends the page identity with getStatus, read at each call', async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      sent.push(message);
      return Promise.resolve({ ok: true, result: status() });
    });
    let identity: { xeroShortCode?: string; xeroOrgName?: string } = { xeroShortCode: '!Fx1tu', xeroOrgName: 'Fixture Ltd' };
    const client = messagingStatusClient('xero', () => identity);
    await client.getStatus();
    identity = { xeroOrgName: 'Other Org' };
    await client.getStatus();
    expect(sent).toEqual([
      { mgAction: 'getStatus', args: { host: 'xero', xeroShortCode: '!Fx1tu', xeroOrgName: 'Fixture Ltd' } },
      { mgAction: 'getStatus', args: { host: 'xero', xeroOrgName: 'Other Org' } },
    ]);
    await messagingStatusClient('cin7').getStatus();
    expect(sent[2]).toEqual({ mgAction: 'getStatus', args: { host: 'cin7' } });
  });
});
