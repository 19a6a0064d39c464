// The failed syncs seen on this page (features/sync-errors.tsx): grouped by cause, with the rows per cause and,
// per thing the errors name (an account, a currency, a lock date), what it is and the fix link.
import { rowsText, SyncErrorGroups } from '../../../components/ui/SyncErrorGroups';
import type { SyncErrorGroup } from '../../../utils/explain';

export { CAUSE_TITLES, causeInWords, subjectWords, type SyncErrorGroup } from '../../../utils/explain';

export function SyncErrorsSection({ groups, rows }: { groups: readonly SyncErrorGroup[]; rows: number }) {
  return (
    <>
      <p className="mg-muted">
        {rowsText(rows)} with a known sync error, each explained beside its message on the page. Fix the cause and the
        rows can sync again.
      </p>
      <SyncErrorGroups groups={groups} currentApp="cin7" />
    </>
  );
}
