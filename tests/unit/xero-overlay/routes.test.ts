// Route detection as table tests: every route matches its own examples and no other route's (refined-github style).
import { describe, expect, it } from 'vitest';
import * as routes from '../../../utils/xero/page/routes';
import { NO_ROUTE_EXAMPLES, ROUTE_EXAMPLES, shortCodeFromUrl } from '../../../utils/xero/page/routes';

type Route = (url: routes.UrlInput) => boolean;
const routeOf = (name: string) => (routes as unknown as Record<string, Route>)[name]!;
const pageRoutes = [...ROUTE_EXAMPLES.keys()].filter((name) => name !== 'isEveryPage');

describe('Xero routes', () => {
  for (const [name, examples] of ROUTE_EXAMPLES) {
    it.each(examples)(`${name} matches %s`, (url) => {
      expect(routeOf(name)(url)).toBe(true);
    });
  }

  for (const name of pageRoutes) {
    const others = pageRoutes.filter((other) => other !== name).flatMap((other) => ROUTE_EXAMPLES.get(other)!);
    it(`${name} matches no other route's examples`, () => {
      for (const url of others) expect(routeOf(name)(url), url).toBe(false);
    });
  }

  it.each(NO_ROUTE_EXAMPLES)('no page route matches %s', (url) => {
    for (const name of pageRoutes) expect(routeOf(name)(url), name).toBe(false);
  });

  it('isEveryPage is only go.xero.com', () => {
    expect(routes.isEveryPage('https://go.xero.com.evil.example/')).toBe(false);
    expect(routes.isEveryPage('https://login.xero.com/')).toBe(false);
  });

  it('the `/app/` routes hold with and without the short code, and only on go.xero.com', () => {
    for (const name of pageRoutes) {
      for (const example of ROUTE_EXAMPLES.get(name)!) {
        const url = new URL(example);
        const match = /^\/app\/(?:(?:!|%21)[^/]+\/)?(.+)$/i.exec(url.pathname);
        if (!match) continue;
        expect(routeOf(name)(`https://go.xero.com/app/${match[1]}`), example).toBe(true);
        expect(routeOf(name)(`https://go.xero.com/app/!Zz9!x/${match[1]}`), example).toBe(true);
        expect(routeOf(name)(`https://go.xero.com.evil.example/app/${match[1]}`), example).toBe(false);
      }
    }
  });

  it('every exported route is in the example table', () => {
    const exported = Object.entries(routes)
      .filter(([name, value]) => typeof value === 'function' && /^is[A-Z]/.test(name) && name !== 'isXeroApp')
      .map(([name]) => name);
    expect(exported.sort()).toEqual([...ROUTE_EXAMPLES.keys()].sort());
  });
});

describe('shortCodeFromUrl', () => {
  it.each([
    ['https://go.xero.com/app/!Fx1tu/dashboard', '!Fx1tu'],
    ['https://go.xero.com/app/!a-B_9', '!a-B_9'],
    // Short codes with more than one `!` (a live Demo Company's, and a bank-statement agent's example).
    ['https://go.xero.com/app/!!6Sp3/settings', '!!6Sp3'],
    ['https://go.xero.com/app/!0X0!!/manage-bank-accounts', '!0X0!!'],
    // `!` percent-encoded.
    ['https://go.xero.com/app/%21Ab12C/bills/view/1', '!Ab12C'],
    ['https://go.xero.com/app/!/dashboard', null],
    // The page routes ignore the case of `/app/`; so does the short code (which keeps its own case).
    ['https://go.xero.com/App/!Fx1tu/chart-of-accounts', '!Fx1tu'],
    ['https://go.xero.com/app/!Fx1tu?redirect=1', '!Fx1tu'],
    ['https://go.xero.com/app/!Fx1tu/dashboard#mg-target=x:1', '!Fx1tu'],
    ['https://go.xero.com/application/!Fx1tu/dashboard', null],
    ['https://go.xero.com/organisationlogin/default.aspx?shortcode=!Abc12&redirecturl=%2FSetup%2FTracking.aspx', '!Abc12'],
    ['https://go.xero.com/app/products-and-services', null],
    ['https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx', null],
    ['https://example.com/app/!Fx1tu/dashboard', null],
  ])('%s → %s', (url, expected) => {
    expect(shortCodeFromUrl(url)).toBe(expected);
  });
});

describe('archivedAccountsListed', () => {
  it.each([
    ['https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx?accountClass=ACCTSTATUS/ARCHIVED&PageSize=200', true],
    ['https://go.xero.com/generalledger/chartofaccounts.aspx?accountClass=acctstatus%2Farchived', true],
    ['https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx?accountClass=ACCTCLASS/ASSET&PageSize=200', false],
    ['https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx', false],
    ['https://go.xero.com/Setup/Tracking.aspx?accountClass=ACCTSTATUS/ARCHIVED', false],
    ['https://go.xero.com.evil.example/GeneralLedger/ChartOfAccounts.aspx?accountClass=ACCTSTATUS/ARCHIVED', false],
  ])('%s → %s', (url, expected) => {
    expect(routes.archivedAccountsListed(url)).toBe(expected);
  });
});
