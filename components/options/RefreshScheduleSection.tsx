import { useId } from 'react';
import type { MappingGuardClient } from '../ui/client';
import { useSettings } from './use-settings';
import { Section } from './Section';

const CHOICES: { hours: number; label: string }[] = [
  { hours: 1, label: 'Every hour' },
  { hours: 3, label: 'Every 3 hours' },
  { hours: 6, label: 'Every 6 hours' },
  { hours: 12, label: 'Twice a day' },
  { hours: 24, label: 'Once a day' },
  { hours: 72, label: 'Every 3 days' },
  { hours: 168, label: 'Once a week' },
];

/** How often the background re-reads both apps and re-runs the audit (mind Xero's 5,000 calls a day). */
export function RefreshScheduleSection({ client }: { client: MappingGuardClient }) {
  const id = useId();
  const { settings, message, save } = useSettings(client);
  const choose = (hours: number) => void save({ refreshHours: hours });

  const current = settings?.refreshHours;
  const known = CHOICES.some((choice) => choice.hours === current);
  return (
    <Section id="mg-schedule" title="Refresh schedule">
      <div className="mg-field">
        <label htmlFor={id}>Re-run the audit</label>
        <select id={id} value={current ?? ''} disabled={!settings} onChange={(event) => choose(Number(event.target.value))}>
          {!settings && <option value="">Loading…</option>}
          {settings && !known && <option value={current}>Every {current} hours</option>}
          {CHOICES.map((choice) => (
            <option key={choice.hours} value={choice.hours}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <p className="mg-muted">Each run reads both apps through their APIs; “Re-run audit” in the popup runs one now.</p>
      <p role="status" className="mg-muted">
        {message}
      </p>
    </Section>
  );
}
