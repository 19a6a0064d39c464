// What the panel shows on a page of an organisation Mapping Guard has no pair for (or cannot identify while several
// pairs exist): which organisation this is, which ones are connected for this app, and the way to add the client.
// Never another client's findings.
import type { TabState } from '../../utils/protocol/shapes';

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The sentence the panel shows for a tab that is not bound to a pair (also used for its collapsed header). */
export function mismatchText(tab: TabState): string {
  const connected = listNames(tab.connected);
  return tab.state === 'other-organisation'
    ? `This is ${tab.shown ?? 'another organisation'}; Mapping Guard is connected to ${connected} for this app.`
    : `Mapping Guard cannot tell which organisation this page shows; it is connected to ${connected} for this app.`;
}

export function OrganisationMismatch({ tab, onOpenOptions }: { tab: TabState; onOpenOptions(): void }) {
  return (
    <div className="mg-state mg-other-organisation" data-tab-state={tab.state}>
      <p>{mismatchText(tab)}</p>
      <p className="mg-muted">
        {tab.state === 'other-organisation'
          ? 'Its findings are not shown here, and nothing from this page is saved to another client.'
          : 'Nothing is shown or saved here until the page shows one of them.'}
      </p>
      <button type="button" className="mg-button" onClick={onOpenOptions}>
        Add this client in Mapping Guard options
      </button>
    </div>
  );
}
