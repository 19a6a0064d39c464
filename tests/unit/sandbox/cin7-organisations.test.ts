// @vitest-environment node
// One Cin7 Core login, several organisations on the same host: `/Home/Organisation?ID=` picks the one the web app
// shows (its header names it), and each organisation's own API keys reach its own data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import { SECOND_CIN7_COMPANY } from '../../../sandbox/cin7-organisations';
import { call } from './client';

const CIN7 = 'https://inventory.dearsystems.com';
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ scenario: 'broken', port: 0 });
});
afterAll(() => sandbox.close());

const companyIn = (html: string) => /<span class="company-name">([^<]*)<\/span>/.exec(html)?.[1];

describe('Cin7 Core organisations on one login', () => {
  it('lists the scenario’s organisation first, then a second one with its own keys and company', () => {
    const [main, second] = sandbox.cin7Organisations;
    expect(main?.credentials).toEqual(sandbox.cin7Credentials);
    expect(second?.company).toBe(SECOND_CIN7_COMPANY);
    expect(second?.credentials.accountId).not.toBe(main?.credentials.accountId);
    expect(second?.company).not.toBe(main?.company);
  });

  it('switches the web app with /Home/Organisation?ID= and shows that company in the header', async () => {
    const [main, second] = sandbox.cin7Organisations;
    expect(companyIn((await call(sandbox, `${CIN7}/Dashboard`)).text)).toBe(main?.company);
    const switched = await call(sandbox, `${CIN7}/Home/Organisation?ID=${second?.id}`);
    expect(switched.status).toBe(302);
    const cookie = String(switched.headers['set-cookie']).split(';')[0] ?? '';
    const dashboard = (await call(sandbox, `${CIN7}/Dashboard`, { headers: { cookie } })).text;
    expect(companyIn(dashboard)).toBe(SECOND_CIN7_COMPANY);
    // The closed switcher lists every organisation of the login, hidden.
    expect(dashboard).toMatch(/<ul class="org-menu" hidden>.*Home\/Organisation\?ID=/s);
    expect((await call(sandbox, `${CIN7}/Home/Organisation?ID=unknown`)).status).toBe(404);
  });

  it('answers each organisation’s API keys with its own data, and refuses mixed keys', async () => {
    const [main, second] = sandbox.cin7Organisations;
    const me = async (accountId: string, applicationKey: string) =>
      call(sandbox, `${CIN7}/ExternalApi/v2/me`, { headers: { 'api-auth-accountid': accountId, 'api-auth-applicationkey': applicationKey } });
    expect((await me(main!.credentials.accountId, main!.credentials.applicationKey)).json<{ Company: string }>().Company).toBe(main?.company);
    expect((await me(second!.credentials.accountId, second!.credentials.applicationKey)).json<{ Company: string }>().Company).toBe(SECOND_CIN7_COMPANY);
    expect((await me(main!.credentials.accountId, second!.credentials.applicationKey)).status).toBe(403);
  });
});
