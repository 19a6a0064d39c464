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
  label = 'Re-run audit',
}: {
  refreshing: Progress | undefined;
  starting: boolean;
  disabled: boolean;
  onRefresh(): void;
  /** The button's words when idle (the welcome page's first audit says so). */
  label?: string;
}) {
  const busy = starting || refreshing !== undefined;
  return (
    <div className="mg-refresh">
      <Button variant="primary" onClick={onRefresh} disabled={disabled || busy} aria-describedby="mg-refresh-progress">
        {busy ? 'Auditing…' : label}
      </Button>
      <p id="mg-refresh-progress" className="mg-muted" aria-live="polite">
        {refreshing ? describeProgress(refreshing) : starting ? 'Starting the audit…' : ''}
      </p>
    </div>
  );
}
