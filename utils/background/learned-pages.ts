// Cin7 Core pages without a published URL (Account Mapping, Chart of Accounts, General Settings), as the user's own
// Cin7 Core showed them: the tab's URL when a content script recognised the page, per Cin7 account id (one login can
// hold several organisations on the same host, so a URL learned for one account is never used for another). Page
// addresses only, without our arrival target; kept in the trusted store because they are keyed by Account ID.
import { z } from 'zod';
import { CIN7_APP_ORIGIN } from '../apps';
import { applyLearnedPages, stripTarget, type LearnedPages } from '../audit/links';
import type { Cin7PageKind } from '../schemas/finding';
import { learnedPagesSchema } from '../protocol/shapes';
import { defineTrustedItem } from './trusted-items';

const MAX_ACCOUNTS = 50;

const storedSchema = z.record(z.string().max(100), learnedPagesSchema);

export const learnedPagesItem = defineTrustedItem<Record<string, LearnedPages>>('cin7LearnedPages', {});

async function readAll(): Promise<Record<string, LearnedPages>> {
  const parsed = storedSchema.safeParse(await learnedPagesItem.getValue());
  return parsed.success ? parsed.data : {};
}

/** The URL to store for a tab URL: a Cin7 Core app page over HTTPS, without `mg-target`; null for anything else. */
export function learnableUrl(tabUrl: string | undefined): string | null {
  if (!tabUrl || tabUrl.length > 2000) return null;
  let parsed: URL;
  try {
    parsed = new URL(stripTarget(tabUrl));
  } catch {
    return null;
  }
  if (parsed.origin !== CIN7_APP_ORIGIN) return null;
  // An empty fragment left by the stripped target ("…/Settings#") adds nothing.
  return parsed.href.endsWith('#') ? parsed.href.slice(0, -1) : parsed.href;
}

/** Stores the page's URL for the account: 'new' when it changed, 'same' when already known, null when refused. */
export async function learnPage(accountId: string, page: Cin7PageKind, tabUrl: string | undefined): Promise<'new' | 'same' | null> {
  const url = learnableUrl(tabUrl);
  if (!url) return null;
  const all = await readAll();
  if (all[accountId]?.[page] === url) return 'same';
  const next = { ...all, [accountId]: { ...all[accountId], [page]: url } };
  const ids = Object.keys(next);
  // Bounded: the oldest accounts (insertion order) go first.
  for (const id of ids.slice(0, Math.max(0, ids.length - MAX_ACCOUNTS))) delete next[id];
  await learnedPagesItem.setValue(next);
  return 'new';
}

export async function learnedPagesFor(accountId: string | undefined): Promise<LearnedPages> {
  if (!accountId) return {};
  return (await readAll())[accountId] ?? {};
}

/** Findings (or anything with an optional fix link) with the learned URLs applied. */
export function withLearnedLinks<T extends { fix?: Parameters<typeof applyLearnedPages>[0] }>(items: readonly T[], learned: LearnedPages): T[] {
  if (Object.keys(learned).length === 0) return [...items];
  return items.map((item) => (item.fix ? { ...item, fix: applyLearnedPages(item.fix, learned) } : item));
}
