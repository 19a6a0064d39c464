import type { ChecklistProgress } from '../../utils/checklist/build';

/**
 * The onboarding checklist's progress at a glance: a bar plus the words (the bar alone says nothing to a screen
 * reader). Worded as the checklist's, never as the audit's: the audit's totals are said in the audit section.
 */
export function ProgressSummary({ progress }: { progress: ChecklistProgress }) {
  const text = progress.complete
    ? `Checklist complete: all ${progress.total} items done.`
    : `Onboarding checklist: ${progress.done} of ${progress.total} items done` +
      (progress.failing ? `, ${progress.failing} with findings to fix` : '') +
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
