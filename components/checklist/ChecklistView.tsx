import type { ChecklistRow } from '../../utils/checklist/build';
import type { Channel } from '../../utils/checklist/decisions';
import { PHASE_LABELS, type ChecklistPhase } from '../../utils/checklist/items';
import type { StatusFinding } from '../../utils/protocol/shapes';
import { ChecklistItemRow, type ItemActions } from './ChecklistItemRow';

/** The checklist in onboarding order, grouped by phase. */
export function ChecklistView({
  rows,
  channels,
  actions,
}: {
  rows: readonly ChecklistRow<StatusFinding>[];
  channels: readonly Channel[];
  actions: ItemActions;
}) {
  const phases = [...new Set(rows.map((row) => row.item.phase))] as ChecklistPhase[];
  return (
    <div className="mg-checklist">
      {phases.map((phase) => {
        const inPhase = rows.filter((row) => row.item.phase === phase);
        const done = inPhase.filter((row) => row.done).length;
        return (
          <section key={phase} aria-labelledby={`phase-${phase}`}>
            <h2 id={`phase-${phase}`} className="mg-phase-title">
              {PHASE_LABELS[phase]}{' '}
              <span className="mg-muted">
                ({done} of {inPhase.length})
              </span>
            </h2>
            <ul className="mg-items">
              {inPhase.map((row) => (
                <ChecklistItemRow key={row.item.id} row={row} channels={channels} actions={actions} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
