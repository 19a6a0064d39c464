// The panel's notice of a mapping that changed since the last one the user accepted (page script can edit the
// Account Mapping inputs before they are read): which roles, old → new, and the way to accept or restore it, which
// only the options page offers (the page around this panel cannot press it).
import type { MappingChange } from '../../utils/protocol/shapes';

/** Rows shown in the panel; the options page lists up to the status's bound. */
const PANEL_ROWS = 5;

export const mappingChangeTitle = (change: MappingChange) =>
  `The Account Mapping changed: ${change.count} row${change.count === 1 ? '' : 's'}`;

export const accountText = (account: string | null) => account ?? '(not mapped)';

export function MappingChangeNotice({ change, onOpenOptions }: { change: MappingChange; onOpenOptions(): void }) {
  return (
    <div className="mg-state mg-mapping-changed" role="status">
      <p>{mappingChangeTitle(change)}.</p>
      <ul>
        {change.rows.slice(0, PANEL_ROWS).map((row) => (
          <li key={row.label}>
            {row.label}: {accountText(row.from)} → {accountText(row.to)}
          </li>
        ))}
      </ul>
      {change.count > PANEL_ROWS ? <p className="mg-muted">{change.count - PANEL_ROWS} more in the options.</p> : null}
      <p className="mg-muted">If you did not change it, restore the previous mapping.</p>
      <button type="button" className="mg-button" onClick={onOpenOptions}>
        Accept or restore in options
      </button>
    </div>
  );
}
