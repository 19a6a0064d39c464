// The fix plan in the popup (issue #14): ordered steps (what unblocks what, utils/audit/fix-plan.ts), each grouped by
// the app where the fix is made, each cause once with its jump. The links are the status's own (the background has
// already put the learned Cin7 Core pages in) rendered by the one FixLink, so they are safe and keyboard-reachable.
import { useId } from 'react';
import { fixPlan, type PlannedFix } from '../../utils/audit/fix-plan';
import type { StatusFinding } from '../../utils/protocol/shapes';
import { Badge } from '../ui/Badge';
import { FixLink } from '../ui/FixLink';
import { plural } from '../ui/audit-view';

const APP_NAMES = { xero: 'Xero', cin7: 'Cin7 Core' } as const;

/** The cause's jump: the lead finding's, else the first of its findings that has one. */
function fixOf(fix: PlannedFix<StatusFinding>) {
  return fix.lead.fix ?? fix.findings.find((finding) => finding.fix)?.fix;
}

export function FixPlan({ findings }: { findings: readonly StatusFinding[] }) {
  const steps = fixPlan(findings);
  const id = useId();
  if (steps.length === 0) return <p>Nothing to fix: no open findings.</p>;
  const fixes = steps.reduce((count, step) => count + step.groups.reduce((sum, group) => sum + group.fixes.length, 0), 0);
  return (
    <details className="mg-plan">
      <summary>
        Fix plan: {plural(fixes, 'thing')} to fix in {plural(steps.length, 'step')}
      </summary>
      <ol className="mg-plan-steps">
        {steps.map((step) => (
          <li key={step.stage} className="mg-plan-step" data-stage={step.stage}>
            <p className="mg-plan-title">{step.title}</p>
            <p className="mg-muted mg-plan-why">{step.why}</p>
            {step.groups.map((group) => {
              const labelId = `${id}-${step.stage}-${group.app}`;
              return (
                <div key={group.app} className="mg-plan-group" data-app={group.app}>
                  <p id={labelId} className="mg-plan-app">
                    In {APP_NAMES[group.app]}
                  </p>
                  <ul aria-labelledby={labelId}>
                    {group.fixes.map((fix) => {
                      const link = fixOf(fix);
                      return (
                        <li key={fix.cause} className="mg-plan-fix">
                          <Badge tone={fix.severity} /> {fix.lead.message}
                          {fix.findings.length > 1 ? <span className="mg-muted"> ({fix.findings.length} findings, one fix)</span> : null}
                          {link ? (
                            <div className="mg-finding-actions">
                              <FixLink fix={link} />
                            </div>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              );
            })}
          </li>
        ))}
      </ol>
    </details>
  );
}
