// The welcome page's last step: the first audit, with its progress, ending on the report and the checklist.
import { useState } from 'react';
import { Button } from '../ui/Button';
import { errorText } from '../ui/client';
import { RefreshControl } from '../checklist/RefreshControl';
import type { StepPanelProps } from './StepPanel';

export function AuditStep({ client, pairs, status, links, onView }: StepPanelProps) {
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string>();
  const pairId = status?.pairId;
  if (!pairId || pairs.pairs.length === 0) {
    return (
      <p className="mg-callout">
        The audit checks a pair: make one first. <Button onClick={() => onView('pair')}>Go to the pair step</Button>
      </p>
    );
  }
  const run = () => {
    setStarting(true);
    setError(undefined);
    client
      .refresh({ pairId })
      .catch((failure: unknown) => setError(errorText(failure)))
      .finally(() => setStarting(false));
  };
  const summary = status.refreshing ? undefined : status.summary;
  return (
    <>
      <p>
        Mapping Guard reads both apps’ settings (accounts, tax rates, products, recent sales and purchases) and checks
        them against the mapping. Nothing is written to either app.
      </p>
      {!status.mappingReadAt && (
        <p className="mg-callout">
          The mapping has not been read yet, so the mapping checks will wait. <Button onClick={() => onView('mapping')}>Go to the mapping step</Button>
        </p>
      )}
      <RefreshControl refreshing={status.refreshing} starting={starting} disabled={false} onRefresh={run} label={status.summary ? 'Re-run audit' : 'Run the first audit'} />
      {(error ?? status.lastError) && (
        <p role="alert" className="mg-error-text">
          The audit stopped: {error ?? status.lastError?.message} Fix that, then run it again.
        </p>
      )}
      {summary && (
        <div data-testid="welcome-audit-done">
          <p role="status">
            Audit done: {summary.errors} {summary.errors === 1 ? 'error' : 'errors'}, {summary.warnings}{' '}
            {summary.warnings === 1 ? 'warning' : 'warnings'}.
          </p>
          <ul className="mg-welcome-next">
            <li>
              <a href={links.reportUrl(pairId)}>Open the report</a>: every finding, with a link to fix it in the app.
            </li>
            <li>
              <a href={links.checklistUrl}>Open the checklist</a>: also behind the Mapping Guard button in the toolbar.
            </li>
            <li>
              <a href={links.optionsUrl}>Settings</a>: features, schedule, more pairs.
            </li>
          </ul>
        </div>
      )}
    </>
  );
}
