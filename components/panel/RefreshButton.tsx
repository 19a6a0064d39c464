// Refresh with progress: the background reports which list and page it is fetching, and rate-limit waits.
import type { Progress } from '../../utils/protocol/shapes';

export function RefreshButton({
  refreshing,
  requested,
  disabled,
  onRefresh,
}: {
  refreshing: Progress | null;
  requested: boolean;
  disabled?: boolean;
  onRefresh(): void;
}) {
  const busy = Boolean(refreshing) || requested;
  return (
    <div className="mg-refresh">
      <button type="button" className="mg-button" onClick={onRefresh} disabled={busy || disabled} aria-busy={busy}>
        {busy ? 'Refreshing…' : 'Refresh'}
      </button>
      {refreshing ? (
        <span className="mg-progress" role="status">
          {refreshing.pages ? <progress max={refreshing.pages} value={refreshing.page} aria-label={refreshing.list} /> : null}
          <span>{refreshing.message}</span>
        </span>
      ) : null}
    </div>
  );
}
