import type { Progress } from '../../utils/protocol/shapes';
import { Button } from '../ui/Button';

function describeProgress(progress: Progress): string {
  const pages = progress.pages ? ` (page ${progress.page} of ${progress.pages})` : '';
  const waiting = progress.waitingMs ? `, waiting ${Math.ceil(progress.waitingMs / 1000)} s for the rate limit` : '';
  return `${progress.message}${pages}${waiting}`;
}

/** "Re-run audit" with its progress announced politely. */
export function RefreshControl({
  refreshing,
  starting,
  disabled,
  onRefresh,
}: {
  refreshing: Progress | undefined;
  starting: boolean;
  disabled: boolean;
  onRefresh(): void;
}) {
  const busy = starting || refreshing !== undefined;
  return (
    <div className="mg-refresh">
      <Button variant="primary" onClick={onRefresh} disabled={disabled || busy} aria-describedby="mg-refresh-progress">
        {busy ? 'Auditing…' : 'Re-run audit'}
      </Button>
      <p id="mg-refresh-progress" className="mg-muted" aria-live="polite">
        {refreshing ? describeProgress(refreshing) : starting ? 'Starting the audit…' : ''}
      </p>
    </div>
  );
}
