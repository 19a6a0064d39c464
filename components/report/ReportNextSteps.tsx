// What the report says to do next when the pair cannot be fully audited (issue #20): nothing connected, a connection
// to renew, the mapping not read yet, a failed refresh. The words are components/ui/next-step.ts's.
import { applyLearnedPages, cin7AccountMappingLink } from '../../utils/audit/links';
import type { Status } from '../../utils/protocol/shapes';
import { FixLink } from '../ui/FixLink';
import { NEXT_STEP_WORDS, nextSteps } from '../ui/next-step';

export function ReportNextSteps({ status }: { status: Status }) {
  return (
    <>
      {nextSteps(status).map((step) => {
        switch (step.kind) {
          case 'set-up':
            return (
              <p key={step.kind} className="mg-callout" data-testid="report-set-up">
                {step.title} {step.text} <a href="welcome.html">{NEXT_STEP_WORDS.setUp}</a>
              </p>
            );
          case 'connect':
            return (
              <p key={step.kind} className="mg-callout" data-testid="report-connect">
                {step.text} <a href="options.html">{NEXT_STEP_WORDS.openSettings}</a>
              </p>
            );
          case 'mapping':
            return (
              <div key={step.kind} className="mg-callout" data-testid="report-mapping">
                <p>{step.text}</p>
                <FixLink fix={applyLearnedPages(cin7AccountMappingLink(), status.cin7LearnedPages ?? {})} />
              </div>
            );
          case 'refresh-failed':
            return (
              <p key={step.kind} role="alert" className="mg-error-text" data-testid="report-refresh-failed">
                {step.text}
              </p>
            );
        }
      })}
    </>
  );
}
