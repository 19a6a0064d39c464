import type { ChecklistProgress } from '../../utils/checklist/build';

/** Progress at a glance: a bar plus the words (the bar alone says nothing to a screen reader). */
export function ProgressSummary({ progress }: { progress: ChecklistProgress }) {
  const text = progress.complete
    ? `Checklist complete: all ${progress.total} items done.`
    : `${progress.done} of ${progress.total} done` +
      (progress.failing ? `, ${progress.failing} to fix` : '') +
      (progress.unknown ? `, ${progress.unknown} not yet known` : '');
  return (
    <div className="mg-progress">
      <progress max={progress.total} value={progress.done} aria-label="Checklist progress" />
      <p className="mg-progress-text" role="status">
        {text}
      </p>
    </div>
  );
}
