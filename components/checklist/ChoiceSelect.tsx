import { useId } from 'react';

/** One of Cin7 Core's choices for a setting; the empty option means "not decided yet". */
export function ChoiceSelect({
  label,
  choices,
  value,
  onChange,
  hideLabel = false,
}: {
  label: string;
  choices: readonly string[];
  value: string | undefined;
  onChange(value: string): void;
  hideLabel?: boolean;
}) {
  const id = useId();
  const stale = value !== undefined && value !== '' && !choices.includes(value);
  return (
    <div className="mg-field">
      <label htmlFor={id} className={hideLabel ? 'mg-visually-hidden' : undefined}>
        {label}
      </label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        <option value="">Not decided</option>
        {stale && <option value={value}>{value} (no longer offered)</option>}
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    </div>
  );
}
