import { useEffect, useId, useState } from 'react';
import { MIN_PASSPHRASE } from '../../utils/protocol/actions';
import type { SECRET_PROTECTIONS } from '../../utils/protocol/shapes';
import { Button } from '../ui/Button';
import type { ConnectionsClient } from '../ui/client';
import { Section } from './Section';
import { useBusyAction } from './use-busy-action';

type SecretProtection = (typeof SECRET_PROTECTIONS)[number];

const CHOICES: { mode: SecretProtection; label: string; explanation: string }[] = [
  {
    mode: 'profile',
    label: 'Keep the key in this browser profile (default)',
    explanation: 'Web pages cannot read the saved keys, but anyone who can copy this profile’s files can decrypt them.',
  },
  {
    mode: 'session',
    label: 'Keep the key for this browser session only',
    explanation: 'The key is held in memory and forgotten when the browser quits: connect Cin7 Core and Xero again after each restart.',
  },
  {
    mode: 'passphrase',
    label: 'Derive the key from a passphrase',
    explanation: 'Only a salt is stored: enter the passphrase again after each browser restart. A forgotten passphrase means connecting again.',
  },
];

/** Where the key that seals the saved Cin7 keys and Xero tokens comes from, and the unlock form after a restart. */
export function SecretProtectionSection({ client, onChanged }: { client: ConnectionsClient; onChanged: () => void }) {
  const id = useId();
  const [state, setState] = useState<{ mode: SecretProtection; locked: boolean }>();
  const [choice, setChoice] = useState<SecretProtection>('profile');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, message, run } = useBusyAction();

  const load = () =>
    void client.getSecretProtection().then((next) => {
      setState(next);
      setChoice(next.mode);
    }, () => undefined);
  useEffect(load, [client]);

  const done = (text: string) => {
    setPassphrase('');
    setRepeat('');
    load();
    onChanged();
    return text;
  };
  const passphraseProblem =
    choice !== 'passphrase' ? undefined : passphrase.length < MIN_PASSPHRASE ? `At least ${MIN_PASSPHRASE} characters.` : passphrase !== repeat ? 'The two entries differ.' : undefined;

  if (state?.locked) {
    return (
      <Section id="mg-protection" title="Saved keys: locked">
        <p>The saved Cin7 Core key and Xero sign-in are sealed with your passphrase. Enter it to use them until the browser quits.</p>
        <label htmlFor={`${id}-unlock`}>Passphrase</label>{' '}
        <input id={`${id}-unlock`} type="password" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />{' '}
        <Button
          variant="primary"
          disabled={busy || passphrase === ''}
          onClick={() => run(() => client.unlockSecrets({ passphrase }), (result) => (result.unlocked ? done('Unlocked.') : 'That passphrase does not open them.'))}
        >
          Unlock
        </Button>
        <p role="status" className="mg-muted">{message}</p>
      </Section>
    );
  }

  return (
    <Section id="mg-protection" title="Saved keys">
      <fieldset>
        <legend>Where the key that encrypts them is kept</legend>
        {CHOICES.map(({ mode, label, explanation }) => (
          <p key={mode}>
            <label>
              <input type="radio" name={`${id}-mode`} value={mode} checked={choice === mode} onChange={() => setChoice(mode)} /> {label}
              {state?.mode === mode ? ' (current)' : ''}
            </label>
            <br />
            <span className="mg-muted">{explanation}</span>
          </p>
        ))}
      </fieldset>
      {choice === 'passphrase' ? (
        <p>
          <label htmlFor={`${id}-new`}>New passphrase</label>{' '}
          <input id={`${id}-new`} type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />{' '}
          <label htmlFor={`${id}-repeat`}>Repeat</label>{' '}
          <input id={`${id}-repeat`} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
          {passphraseProblem ? <span className="mg-muted"> {passphraseProblem}</span> : null}
        </p>
      ) : null}
      <Button
        variant="primary"
        disabled={busy || Boolean(passphraseProblem) || (choice === state?.mode && choice !== 'passphrase')}
        onClick={() =>
          run(
            () => client.setSecretProtection(choice === 'passphrase' ? { mode: choice, passphrase } : { mode: choice }),
            () => done('Saved keys re-encrypted.'),
          )
        }
      >
        Apply
      </Button>
      <p role="status" className="mg-muted">{message}</p>
    </Section>
  );
}
