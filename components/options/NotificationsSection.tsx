// Issue #18: notifications when a scheduled check finds new errors (opt-in; the `notifications` permission is
// optional and asked for here, on the click that turns them on), quiet hours, and how many Xero organisations the
// app's connection uses (an uncertified Xero app may connect only a few: README "Many clients").
import { useId } from 'react';
import type { MappingGuardClient } from '../ui/client';
import { useSettings } from './use-settings';
import { Section } from './Section';

export interface NotificationPermission {
  /** Must run inside the user's click: browsers grant optional permissions only on a gesture. */
  request(): Promise<boolean>;
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const hourText = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export function NotificationsSection({
  client,
  permission,
  xeroConnections,
}: {
  client: Pick<MappingGuardClient, 'getSettings' | 'setSettings'>;
  permission: NotificationPermission;
  xeroConnections?: number;
}) {
  const id = useId();
  const { settings, message, setMessage, save } = useSettings(client);

  // Equal hours mean no quiet hours (utils/practice/notify.ts): a message cannot carry "unset" (undefined is dropped).
  const quiet = settings?.quietFrom !== undefined && settings.quietFrom !== settings.quietTo;
  const setQuiet = (edge: 'quietFrom' | 'quietTo', value: string) =>
    void save(value === '' ? { quietFrom: 0, quietTo: 0 } : { [edge]: Number(value) });

  const toggle = async (on: boolean) => {
    if (on && !(await permission.request().catch(() => false))) {
      setMessage('The browser did not allow notifications, so they stay off.');
      return;
    }
    await save({ notify: on });
  };

  return (
    <Section id="mg-notifications" title="Notifications and clients">
      {xeroConnections !== undefined && (
        <p>
          Xero organisations connected to Mapping Guard: {xeroConnections}. An uncertified Xero app may connect only a few;
          see the README’s “Many clients” when a practice outgrows it.
        </p>
      )}
      <div className="mg-field">
        <label>
          <input type="checkbox" checked={settings?.notify ?? false} disabled={!settings} onChange={(event) => void toggle(event.target.checked)} />{' '}
          Tell me when a scheduled check finds new errors (one notification per client)
        </label>
      </div>
      <div className="mg-field">
        <label htmlFor={`${id}-from`}>Quiet from</label>{' '}
        <select id={`${id}-from`} value={quiet ? (settings?.quietFrom ?? '') : ''} onChange={(event) => setQuiet('quietFrom', event.target.value)}>
          <option value="">No quiet hours</option>
          {HOURS.map((hour) => (
            <option key={hour} value={hour}>{hourText(hour)}</option>
          ))}
        </select>{' '}
        <label htmlFor={`${id}-to`}>until</label>{' '}
        <select id={`${id}-to`} value={quiet ? (settings?.quietTo ?? '') : ''} onChange={(event) => setQuiet('quietTo', event.target.value)}>
          <option value="">—</option>
          {HOURS.map((hour) => (
            <option key={hour} value={hour}>{hourText(hour)}</option>
          ))}
        </select>
      </div>
      {message && <p role="status">{message}</p>}
    </Section>
  );
}
