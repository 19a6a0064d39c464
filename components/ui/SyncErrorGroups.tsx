// Failed rows grouped by cause (utils/explain/group.ts): per cause the rows, per thing named the fix link and, when
// a current finding predicts the error, "This will keep failing until …". The panel's and the popup's list.
import { CAUSE_TITLES, type SyncErrorGroup } from '../../utils/explain';
import { FixLink } from './FixLink';

export const rowsText = (count: number) => `${count} ${count === 1 ? 'row' : 'rows'}`;

export function SyncErrorGroups({ groups, currentApp }: { groups: readonly SyncErrorGroup[]; currentApp?: 'cin7' | 'xero' }) {
  return (
    <ul className="mg-sync-groups">
      {groups.map((group) => (
        <li key={group.cause} data-cause={group.cause}>
          <strong>{CAUSE_TITLES[group.cause]}</strong> <span className="mg-muted">({rowsText(group.rows)})</span>
          <ul>
            {group.subjects.map((subject) => (
              <li key={subject.words}>
                {subject.words || 'Every row'}
                {group.subjects.length > 1 ? ` (${rowsText(subject.rows)})` : ''}
                {subject.fix ? (
                  <>
                    {' '}
                    <FixLink fix={subject.fix} currentApp={currentApp} className="mg-fix" />
                  </>
                ) : null}
                {subject.until ? <p className="mg-until">{subject.until}</p> : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
