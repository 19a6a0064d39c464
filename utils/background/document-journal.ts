// The refresh's documents step in its journal (refresh-journal.ts): the list answers and each detail saved as they
// arrive, and the step as one entry, so a worker stopped inside it reads it again and one stopped after it does not.
import type { PagedList } from '../cin7/api/client';
import { describeError } from '../net/user-error';
import type { DocumentJournal, DocumentRefreshOutcome } from './document-refresh';
import type { RefreshJournal } from './refresh-journal';

/** The documents step's list answers and details in the refresh's journal, each saved as it arrives. */
export async function documentJournal(journal: RefreshJournal, startedAt: string): Promise<DocumentJournal> {
  const lists: DocumentJournal['lists'] = {};
  for (const list of ['sales', 'purchases'] as const) {
    const key = `cin7.${list}List`;
    if (journal.state.lists[key]?.done) lists[list] = (await journal.pages(key))[0] as PagedList<unknown>;
  }
  const details = ((await journal.pages('cin7.details')) as DocumentJournal['details']).filter(Boolean);
  let saved = journal.state.lists['cin7.details']?.pagesDone ?? 0;
  return {
    lists,
    details,
    saveList: (list, answer) => journal.savePage(`cin7.${list}List`, 1, answer, { startedAt, pagesDone: 1, pages: 1, done: true }),
    saveDetail: (list, record) => {
      const page = ++saved;
      // Two details are fetched at a time: the mark covers every page handed out (a missing one reads as nothing).
      return journal.savePage('cin7.details', page, { list, record }, { startedAt, pagesDone: saved, done: false });
    },
  };
}

/**
 * The documents step as one journal entry (under `cin7.sales`): a run stopped inside it reads it again, one stopped
 * after it does not. Failures are kept in words (errors do not survive storage as themselves).
 */
export async function onceDocuments(journal: RefreshJournal | undefined, startedAt: string, read: () => Promise<DocumentRefreshOutcome>): Promise<DocumentRefreshOutcome> {
  if (journal?.state.lists['cin7.sales']?.done) {
    const [kept] = (await journal.pages('cin7.sales')) as [Omit<DocumentRefreshOutcome, 'failures'> & { failures: { list: 'sales' | 'purchases'; error: string }[] }];
    return { ...kept, failures: kept.failures.map(({ list, error }) => ({ list, error: new Error(error) })) };
  }
  const outcome = await read();
  const failures = outcome.failures.map(({ list, error }) => ({ list, error: describeError(error).message }));
  await journal?.savePage('cin7.sales', 1, { ...outcome, failures }, { startedAt, pagesDone: 1, pages: 1, done: true });
  return outcome;
}

