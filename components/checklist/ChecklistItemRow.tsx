import { useId, useState } from 'react';
import type { ChecklistRow } from '../../utils/checklist/build';
import type { Channel } from '../../utils/checklist/decisions';
import type { StatusFinding } from '../../utils/protocol/shapes';
import { Badge } from '../ui/Badge';
import { ChannelTable, type ChannelActions } from './ChannelTable';
import { ChoiceSelect } from './ChoiceSelect';
import { FindingList } from './FindingList';
import { NoteField } from './NoteField';

export interface ItemActions extends ChannelActions {
  setChoice(itemId: string, fieldId: string, value: string, channelId?: string): void;
  setNote(itemId: string, note: string): void;
  flush(): void;
  markReviewed?(finding: StatusFinding, reviewed: boolean): void;
}

/** One checklist item: its status at a glance, and on demand why it matters, its findings or its decision form. */
export function ChecklistItemRow({
  row,
  channels,
  actions,
}: {
  row: ChecklistRow<StatusFinding>;
  channels: readonly Channel[];
  actions: ItemActions;
}) {
  // Until the user toggles it, an item is open exactly when it needs fixing (also when that changes after an audit).
  const [toggled, setToggled] = useState<boolean>();
  const open = toggled ?? row.status === 'fail';
  const bodyId = useId();
  const { item } = row;
  return (
    <li className={`mg-item mg-item--${row.status}`}>
      <h3 className="mg-item-title">
        <button
          type="button"
          className="mg-item-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setToggled(!open)}
        >
          <span aria-hidden="true">{row.done ? '✓' : '○'}</span> {item.title}
        </button>{' '}
        <Badge tone={row.status} />
      </h3>
      <div id={bodyId} hidden={!open} className="mg-item-body">
        <p className="mg-muted">{item.why}</p>
        {row.kind === 'audit' && (
          <>
            {row.status === 'unknown' && row.reason && <p>{row.reason}</p>}
            {row.status === 'pass' && <p>Checked: nothing to fix.</p>}
            <FindingList findings={row.findings} onMarkReviewed={actions.markReviewed} />
          </>
        )}
        {row.kind === 'person' && (
          <>
            {row.item.perChannel ? (
              <ChannelTable
                item={row.item}
                decision={row.decision}
                channels={channels}
                onChoice={(fieldId, value, channelId) => actions.setChoice(item.id, fieldId, value, channelId)}
                channelActions={actions}
              />
            ) : (
              row.item.fields.map((field) => (
                <ChoiceSelect
                  key={field.id}
                  label={field.label}
                  choices={field.choices}
                  value={row.decision?.values[field.id]}
                  onChange={(value) => actions.setChoice(item.id, field.id, value)}
                />
              ))
            )}
            <NoteField
              label={`Note on ${item.title}`}
              value={row.decision?.note ?? ''}
              onChange={(text) => actions.setNote(item.id, text)}
              onFlush={actions.flush}
            />
          </>
        )}
      </div>
    </li>
  );
}
