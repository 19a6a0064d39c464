import { useEffect, useId, useState } from 'react';
import { errorText, type DeclaredFeatures, type FeatureState, type MappingGuardClient } from '../ui/client';
import { Section } from './Section';

const FEATURES: { id: keyof DeclaredFeatures; label: string; roles: string }[] = [
  { id: 'inventoryAccrual', label: 'Inventory accrual', roles: 'Inventory Accrual and Stock in Transit must be mapped' },
  { id: 'giftCards', label: 'Gift cards', roles: 'Gift Card Liability must be mapped' },
];

function detectedText(value: boolean | undefined): string {
  if (value === undefined) return 'not detected yet (open Account Mapping in Cin7 Core)';
  return value ? 'on (its rows are on the Account Mapping page)' : 'off (no rows on the Account Mapping page)';
}

function FeatureRow({
  feature,
  state,
  onDeclare,
}: {
  feature: (typeof FEATURES)[number];
  state: FeatureState | undefined;
  onDeclare(value: boolean | undefined): void;
}) {
  const id = useId();
  const declared = state?.declared[feature.id];
  return (
    <tr>
      <th scope="row">
        {feature.label}
        <div className="mg-muted">When on: {feature.roles}.</div>
      </th>
      <td>{detectedText(state?.detected[feature.id])}</td>
      <td>
        <label htmlFor={id} className="mg-visually-hidden">
          {feature.label}: declared
        </label>
        <select
          id={id}
          value={declared === undefined ? 'detected' : declared ? 'on' : 'off'}
          onChange={(event) => onDeclare(event.target.value === 'detected' ? undefined : event.target.value === 'on')}
        >
          <option value="detected">Use what was detected</option>
          <option value="on">On</option>
          <option value="off">Off</option>
        </select>
      </td>
    </tr>
  );
}

/** Cin7 Core features that make more roles required: detected from the mapping page, or declared here. */
export function FeaturesSection({ client, pairId }: { client: MappingGuardClient; pairId?: string }) {
  const [state, setState] = useState<FeatureState>();
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    client.getFeatures({ pairId }).then(setState, (failure: unknown) => setMessage(errorText(failure)));
  }, [client, pairId]);

  const declare = (feature: keyof DeclaredFeatures, value: boolean | undefined) => {
    const declared = { ...(state?.declared ?? {}), [feature]: value };
    setState({ detected: state?.detected ?? {}, declared });
    client.setFeatures({ ...declared, pairId }).then(
      () => setMessage('Saved. The next audit uses it.'),
      (failure: unknown) => setMessage(errorText(failure)),
    );
  };

  return (
    <Section id="mg-features" title="Features">
      <p className="mg-muted">
        Cin7 Core shows these accounts on Account Mapping only when the feature is enabled in General Settings.
      </p>
      <table className="mg-table">
        <thead>
          <tr>
            <th scope="col">Feature</th>
            <th scope="col">Detected</th>
            <th scope="col">Declared</th>
          </tr>
        </thead>
        <tbody>
          {FEATURES.map((feature) => (
            <FeatureRow key={feature.id} feature={feature} state={state} onDeclare={(value) => declare(feature.id, value)} />
          ))}
        </tbody>
      </table>
      <p role="status" className="mg-muted">
        {message}
      </p>
    </Section>
  );
}
