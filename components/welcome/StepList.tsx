// The welcome page's progress: an ordered list of the steps with their states; the one shown has aria-current.
import type { SetupStep, StepId, StepState } from './steps';

const STATE_WORDS: Readonly<Record<StepState, string>> = {
  done: 'Done',
  skipped: 'Not needed',
  attention: 'Needs you again',
  todo: 'To do',
};

export function StepList({
  steps,
  viewed,
  done,
  onView,
}: {
  steps: readonly SetupStep[];
  viewed: StepId;
  done: number;
  onView(step: StepId): void;
}) {
  return (
    <nav className="mg-steps-nav" aria-label="Set-up steps">
      <p id="mg-steps-progress" className="mg-steps-progress">
        {done} of {steps.length} steps done
      </p>
      <progress max={steps.length} value={done} aria-labelledby="mg-steps-progress" />
      <ol className="mg-steps">
        {steps.map((step) => (
          <li key={step.id} className={`mg-step mg-step--${step.state}`} data-testid={`step-${step.id}`} data-state={step.state}>
            <button type="button" className="mg-step-button" aria-current={step.id === viewed ? 'step' : undefined} onClick={() => onView(step.id)}>
              <span className="mg-step-title">{step.title}</span>
              <span className="mg-step-state">{STATE_WORDS[step.state]}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
