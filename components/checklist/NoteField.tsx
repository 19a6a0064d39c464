import { useId } from 'react';
import { MAX_NOTE_CHARS } from '../../utils/checklist/decisions';

/**
 * A free note. Every keystroke goes to the store (its storage writes are debounced); leaving the field flushes,
 * so nothing typed is lost if the popup closes right after.
 */
export function NoteField({
  value,
  onChange,
  onFlush,
  label = 'Note',
}: {
  value: string;
  onChange(note: string): void;
  onFlush(): void;
  label?: string;
}) {
  const id = useId();
  return (
    <div className="mg-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={2} maxLength={MAX_NOTE_CHARS} value={value} onChange={(event) => onChange(event.target.value)} onBlur={onFlush} />
    </div>
  );
}
