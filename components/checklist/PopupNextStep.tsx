// The popup's empty and error states (issue #20): with no pair, one way in (the guided set-up) instead of a
// checklist for a pair that does not exist; with a pair, what to do about its connection or its failed refresh.
import { connectionStep, NEXT_STEP_WORDS, type NextStep } from '../ui/next-step';
import { Button } from '../ui/Button';

/** No pair yet: what Mapping Guard needs and the one button that starts it. */
export function PopupSetUp({ step, onSetUp, onSettings }: { step: Extract<NextStep, { kind: 'set-up' }>; onSetUp?(): void; onSettings(): void }) {
  return (
    <section className="mg-popup-empty" aria-labelledby="mg-empty-title" data-testid="popup-empty">
      <h2 id="mg-empty-title" className="mg-phase-title">
        {step.title}
      </h2>
      <p>{step.text}</p>
      <Button variant="primary" onClick={onSetUp ?? onSettings}>
        {onSetUp ? NEXT_STEP_WORDS.setUp : NEXT_STEP_WORDS.openSettings}
      </Button>
    </section>
  );
}

/** A connection to renew or make: in words, with the settings button. */
export function PopupConnectStep({ step, onSettings }: { step: Extract<NextStep, { kind: 'connect' }>; onSettings(): void }) {
  return (
    <div className="mg-state" data-testid="popup-connect">
      <p>{step.text}</p>
      {step.detail && <p className="mg-muted">{step.detail}</p>}
      <Button onClick={onSettings}>Connect Cin7 Core and Xero in Settings</Button>
    </div>
  );
}

export { connectionStep };
