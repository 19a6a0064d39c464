// One Cin7 Core login with several organisations on the same host: `/Home/Organisation?ID=<id>` picks one (sourced:
// research/fidelity.md, Apify scraper id 43854478568 opens it after login, then that organisation's pages). Which
// organisation a request is about: for the API, its account id and key (each organisation has its own); for the web
// app, the one picked last (kept in a cookie, as a session would: a guess, the real mechanism is not public). The
// store's `cin7` follows the request's organisation (AsyncLocalStorage), so pages and endpoints need no change.
import { AsyncLocalStorage } from 'node:async_hooks';
import { loadScenario } from '../utils/scenarios';
import type { Snapshot } from '../utils/schemas/snapshot';
import { header, parseCookies, redirect, sendHtml, type RequestContext } from './http';
import { html, page } from './html';
import { stableUuid } from './ids';
import type { Cin7Credentials, Runtime } from './runtime';

export interface Cin7OrganisationSeed {
  id: string;
  credentials: Cin7Credentials;
  cin7: NonNullable<Snapshot['cin7']>;
}

/** The scenario's own organisation. */
export const MAIN_CIN7_ORGANISATION = stableUuid('mapping-guard-sandbox:cin7-organisation:main');
export const SECOND_CIN7_COMPANY = 'Harbour Goods Ltd';
const COOKIE = 'sandboxCin7Organisation';

interface Scope {
  id: string;
  /** The login's organisations, for the header's switcher. */
  all: { id: string; company: string }[];
}
const scope = new AsyncLocalStorage<Scope>();

/** The organisation of the request being answered (undefined outside one: the main organisation). */
export const currentCin7Organisation = (): string | undefined => scope.getStore()?.id;

/** The login's organisations as the current request sees them (empty outside a request). */
export const loginOrganisations = (): { id: string; company: string }[] => scope.getStore()?.all ?? [];

/** A second organisation on the same login: the healthy scenario's Cin7 data under its own company name and keys. */
export function secondCin7Organisation(): Cin7OrganisationSeed {
  const cin7 = loadScenario('healthy').cin7 ?? {};
  return {
    id: stableUuid('mapping-guard-sandbox:cin7-organisation:second'),
    credentials: {
      accountId: stableUuid('mapping-guard-sandbox:cin7-account:second'),
      applicationKey: stableUuid('mapping-guard-sandbox:cin7-application-key:second'),
    },
    cin7: { ...cin7, me: { ...(cin7.me ?? {}), Company: SECOND_CIN7_COMPANY } } as Cin7OrganisationSeed['cin7'],
  };
}

/** Every organisation of the login with its API keys, the scenario's own first. */
export function cin7Organisations(rt: Runtime): { id: string; company: string; credentials: Cin7Credentials }[] {
  return [
    { id: MAIN_CIN7_ORGANISATION, credentials: rt.cin7Credentials },
    ...rt.store.extraCin7Organisations.map(({ id, credentials }) => ({ id, credentials })),
  ].map((organisation) => ({ ...organisation, company: String(rt.store.cin7Organisation(organisation.id).me.Company ?? '') }));
}

/** The organisation whose API keys these are, or undefined (the API then refuses them). */
export function organisationOfKeys(rt: Runtime, accountId: string | undefined, applicationKey: string | undefined): string | undefined {
  return cin7Organisations(rt).find((o) => o.credentials.accountId === accountId && o.credentials.applicationKey === applicationKey)?.id;
}

/** Runs `next` as a request of its organisation; answers `/Home/Organisation?ID=` itself. */
export function withCin7Organisation(rt: Runtime, ctx: RequestContext, api: boolean, next: () => Promise<void> | void): Promise<void> | void {
  const all = cin7Organisations(rt);
  const known = new Set(all.map((o) => o.id));
  if (!api && ctx.path.replace(/\/+$/, '').toLowerCase() === '/home/organisation') {
    const id = ctx.query.get('id') ?? '';
    if (!known.has(id)) {
      return sendHtml(ctx, 404, page({ title: 'Cin7 Core', body: html`<h1>Organisation not found</h1>` }));
    }
    // Where the real app lands after the switch is not public: the dashboard (a guess).
    return redirect(ctx, '/', { 'set-cookie': `${COOKIE}=${encodeURIComponent(id)}; Path=/; Secure; SameSite=Lax` });
  }
  const chosen = api
    ? organisationOfKeys(rt, header(ctx, 'api-auth-accountid'), header(ctx, 'api-auth-applicationkey'))
    : parseCookies(ctx).get(COOKIE);
  const id = chosen && known.has(chosen) ? chosen : MAIN_CIN7_ORGANISATION;
  return scope.run({ id, all: all.map(({ id: orgId, company }) => ({ id: orgId, company })) }, next);
}
