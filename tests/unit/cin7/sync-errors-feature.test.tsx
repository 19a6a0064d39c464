// Sync errors found by their text on markups the sandbox does not produce (tests/fixtures/cin7/sync-errors-*.html):
// a note beside each message, the panel's "Failed syncs on this page", and no walk at all on unrelated pages.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import syncErrors, { findSyncErrors, groupRows } from '../../../entrypoints/cin7.content/features/sync-errors';
import { CAUSE_TITLES, causeInWords } from '../../../entrypoints/cin7.content/sections/SyncErrorsSection';
import { mightShowSyncErrors } from '../../../utils/cin7/page/recognise';
import { explain, SYNC_ERROR_SAMPLES, type CauseId } from '../../../utils/explain';
import type { PanelContributionStore } from '../../../utils/overlay/panel-state';
import { finding, status } from '../overlay/status-fixtures';
import { featureEnv } from './feature-env';
import { loadFixture } from './load-fixture';

let stop: AbortController | undefined;
afterEach(() => {
  stop?.abort();
  cleanup();
  vi.restoreAllMocks();
});

/** One published sample per cause (issue #16's table). */
const SAMPLES: Record<CauseId, string> = SYNC_ERROR_SAMPLES;

const note = (selector: string, index = 0) => document.querySelector(`${selector} > [data-mg-badge="sync-error-${index}"]`);
const noteText = (selector: string) => note(selector)?.querySelector('[role="note"]')?.textContent;
const badges = () => document.querySelectorAll('[data-mg-badge^="sync-error-"]');

function start(fixture: string) {
  loadFixture(fixture);
  const setup = featureEnv('https://inventory.dearsystems.com/Anything', status());
  stop = setup.controller;
  void syncErrors.init(setup.controller.signal, setup.env);
  return setup;
}

function sectionText(panel: PanelContributionStore): string | null {
  const section = panel.getState().sections.find((item) => item.id === 'sync-errors');
  if (!section) return null;
  const { container, unmount } = render(<>{section.content}</>);
  const text = container.textContent ?? '';
  unmount();
  return `${section.title}: ${text}`;
}

describe('the cheap check', () => {
  it.each(Object.entries(SAMPLES))('%s: its sample passes, in other case and spacing too', (cause, sample) => {
    expect(explain(sample).matches.map((match) => match.cause)).toEqual([cause]);
    expect(mightShowSyncErrors(sample.toLowerCase())).toBe(true);
    expect(mightShowSyncErrors(sample.toUpperCase().replace(/ /g, '\n  ').toLowerCase())).toBe(true);
  });

  it('our own notes never pass it (they are in the page text the check reads)', () => {
    for (const [cause, sample] of Object.entries(SAMPLES) as [CauseId, string][]) {
      const [match] = explain(sample).matches;
      expect(mightShowSyncErrors(causeInWords(cause, match!.subject).toLowerCase()), cause).toBe(false);
      expect(mightShowSyncErrors(CAUSE_TITLES[cause].toLowerCase()), cause).toBe(false);
    }
  });

  it('ordinary Cin7 Core pages do not pass it', () => {
    for (const fixture of ['general-settings-form.html', 'chart-of-accounts-table.html', 'sale-lines-extjs-grid.html', 'account-mapping-extjs-grid.html']) {
      loadFixture(fixture);
      expect(mightShowSyncErrors((document.body.textContent ?? '').toLowerCase()), fixture).toBe(false);
    }
  });
});

describe('sync-errors feature on an Ext JS grid of failed rows', () => {
  it('notes each recognised message beside it, not the unknown one nor the other rows', async () => {
    const { panel } = start('sync-errors-extjs-grid.html');
    await vi.waitFor(() => expect(badges()).toHaveLength(3));
    expect(noteText('#msg-archived')).toBe('Account archived or deleted in Xero: account 455');
    const archived = note('#msg-archived')!;
    expect(archived.querySelector('[role="note"]')?.getAttribute('title')).toMatch(/Archive tab/);
    const fix = archived.querySelector('a[data-mg-fix]');
    expect(fix?.getAttribute('href')).toMatch(/^https:\/\/go\.xero\.com\//);
    expect(fix?.getAttribute('title')).toBe('Open the Archive tab of the chart of accounts in Xero');
    expect(fix?.getAttribute('target')).toBe('_blank');
    expect(noteText('#msg-lock')).toBe('Dated before a Xero lock date: end-of-year lock date 2024-03-31');
    expect(note('#msg-lock')?.querySelector('a[data-mg-fix]')?.getAttribute('title')).toBe('Open Financial settings in Xero');
    expect(noteText('#msg-archived-2')).toBe('Account archived or deleted in Xero: account 455');
    expect(note('#msg-unknown')).toBeNull();
    // The note's own text does not change what the message reads as.
    expect(findSyncErrors().map((item) => item.element.id)).toEqual(['msg-archived', 'msg-lock', 'msg-archived-2']);

    const text = sectionText(panel);
    expect(text).toMatch(/^Failed syncs on this page: 3 rows with a known sync error/);
    expect(text).toMatch(/Account archived or deleted in Xero \(2 rows\)account 455/);
    expect(text).toMatch(/Dated before a Xero lock date \(1 row\)end-of-year lock date 2024-03-31/);
  });

  it('re-annotates a row whose text changes, drops a fixed one, and cleans up when it stops', async () => {
    const { panel, controller } = start('sync-errors-extjs-grid.html');
    await vi.waitFor(() => expect(badges()).toHaveLength(3));
    document.querySelector('#msg-lock')!.textContent = 'XRO068: Organisation is not subscribed to currency NZD';
    document.querySelector('#msg-archived-2')!.textContent = 'Exported to Xero as INV-00421.';
    await vi.waitFor(() => expect(noteText('#msg-lock')).toBe('Currency not enabled in Xero: NZD'));
    await vi.waitFor(() => expect(note('#msg-archived-2')).toBeNull());
    expect(note('#msg-lock')?.querySelector('a[data-mg-fix]')?.getAttribute('title')).toBe('Open Currencies in Xero');
    await vi.waitFor(() => expect(sectionText(panel)).toMatch(/2 rows with a known sync error/));
    expect(sectionText(panel)).toMatch(/Currency not enabled in Xero \(1 row\)NZD/);
    expect(sectionText(panel)).not.toMatch(/lock date/);

    controller.abort();
    expect(badges()).toHaveLength(0);
    expect(sectionText(panel)).toBeNull();
  });
});

describe('what the page feature sends and uses from the background', () => {
  it('reports each recognised message once to the background, and says what a current finding predicts', async () => {
    loadFixture('sync-errors-extjs-grid.html');
    const predicting = finding({
      code: 'ACCOUNT_NOT_FOUND',
      severity: 'error',
      subject: { kind: 'role', key: 'cogs', label: 'Cost of sales' },
      message: "The Cost of sales role is mapped to 455, which is not in Xero's chart of accounts.",
    });
    const setup = featureEnv('https://inventory.dearsystems.com/Anything', status({ findings: [predicting] }));
    stop = setup.controller;
    void syncErrors.init(setup.controller.signal, setup.env);
    await vi.waitFor(() => expect(badges()).toHaveLength(3));
    await setup.statusStore.load();
    // The status arrives after the first look at the page: the notes follow it.
    const title = () => note('#msg-archived')?.querySelector('[role="note"]')?.getAttribute('title');
    await vi.waitFor(() => expect(title()).toMatch(/This will keep failing until 455 is added to Xero's chart of accounts again or the role that uses it \(Cost of sales\) is mapped to another account\.$/));
    const report = setup.env.background.reportSyncErrors as ReturnType<typeof vi.fn>;
    await vi.waitFor(() => expect(report).toHaveBeenCalled());
    const sent = report.mock.calls.flatMap(([args]) => (args as { messages: string[] }).messages);
    expect(sent).toHaveLength(3);
    expect(sent.every((text) => explain(text).matches.length > 0)).toBe(true);
    // A page change that shows nothing new sends nothing again.
    document.body.append(document.createElement('p'));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(report.mock.calls.flatMap(([args]) => (args as { messages: string[] }).messages)).toHaveLength(3);
  });
});

describe('two messages that share one visible place for their notes', () => {
  it('keep a note each, and one message going away takes only its own note', async () => {
    const { controller } = start('sync-errors-tooltip-list.html');
    await vi.waitFor(() => expect(badges()).toHaveLength(3));
    // Two hidden tooltips under one visible cell: both notes go beside the cell.
    const cell = document.createElement('div');
    cell.id = 'shared-cell';
    cell.textContent = 'Failed';
    for (const [id, text] of [['tip-a', 'Organisation is not subscribed to currency SGD'], ['tip-b', "Account code '455' has been archived, or has been deleted."]] as const) {
      const tip = document.createElement('span');
      tip.id = id;
      tip.hidden = true;
      tip.textContent = text;
      cell.append(tip);
    }
    document.body.append(cell);
    const cellNotes = () => [...cell.querySelectorAll(':scope > [data-mg-badge^="sync-error-"] [role="note"]')].map((item) => item.textContent);
    await vi.waitFor(() => expect(cellNotes()).toEqual(['Currency not enabled in Xero: SGD', 'Account archived or deleted in Xero: account 455']));
    cell.querySelector('#tip-a')!.remove();
    await vi.waitFor(() => expect(cellNotes()).toEqual(['Account archived or deleted in Xero: account 455']));
    controller.abort();
    expect(cellNotes()).toEqual([]);
  });
});

describe('sync-errors feature on a plain list with tooltips', () => {
  it('puts the note beside what shows the tooltip, and reads split and escaped messages', async () => {
    const { panel } = start('sync-errors-tooltip-list.html');
    await vi.waitFor(() => expect(badges()).toHaveLength(3));
    // The message is in a hidden tooltip: the note goes beside the "Failed" that shows it, not into the tooltip.
    expect(noteText('#status-currency')).toBe('Currency not enabled in Xero: SGD');
    expect(document.querySelector('[role="tooltip"] [data-mg-badge]')).toBeNull();
    expect(noteText('#msg-code')).toBe('Account not accepted on this document: account 200');
    expect(noteText('#msg-tax')).toBe('Tax rate not allowed on the account: tax rate OUTPUT2, account 090');
    expect(document.querySelector('#attempt-ok [data-mg-badge]')).toBeNull();
    // Text the user types is no message shown by Cin7 Core.
    expect((document.querySelector('#notes') as HTMLTextAreaElement).value).toMatch(/archived/);
    const text = sectionText(panel);
    for (const title of ['Currency not enabled in Xero (1 row)', 'Account not accepted on this document (1 row)', 'Tax rate not allowed on the account (1 row)']) {
      expect(text).toContain(title);
    }
    expect(text).not.toContain('Account archived');
  });
});

describe('sync-errors feature on an unrelated page', () => {
  it('never walks the page, even after it changes', async () => {
    const walker = vi.spyOn(document, 'createTreeWalker');
    const { panel } = start('general-settings-form.html');
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Period lock date saved. The account has been updated.';
    document.body.append(paragraph);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(walker).not.toHaveBeenCalled();
    expect(badges()).toHaveLength(0);
    expect(sectionText(panel)).toBeNull();
  });
});

describe('groupRows', () => {
  it('counts rows per cause once, and per thing named', () => {
    const fix = { app: 'xero' as const, url: 'https://go.xero.com/x', label: 'Open' };
    const groups = groupRows([
      { matches: [{ cause: 'account-archived', words: 'account 455', fix }, { cause: 'account-archived', words: 'account 460', fix }] },
      { matches: [{ cause: 'account-archived', words: 'account 455', fix }] },
      { matches: [{ cause: 'currency-not-enabled', words: 'SGD' }] },
    ]);
    expect(groups.map((group) => [group.cause, group.rows, group.subjects.map((subject) => [subject.words, subject.rows])])).toEqual([
      ['account-archived', 2, [['account 455', 2], ['account 460', 1]]],
      ['currency-not-enabled', 1, [['SGD', 1]]],
    ]);
  });
});
