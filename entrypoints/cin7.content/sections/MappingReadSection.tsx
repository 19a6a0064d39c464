// What the Account Mapping feature read and whether the background took it; or, when the page could not be read,
// the reason and a "copy page structure" button for a bug report (tags, roles and labels only — no values).
import { useState } from 'react';

export type MappingReadState =
  | { kind: 'reading' }
  | { kind: 'read'; rows: number; roles: number; saved: 'saving' | 'saved' | 'failed'; error?: string; readAt: string }
  | { kind: 'unreadable'; reason: string };

export function MappingReadSection({ state, copyStructure }: { state: MappingReadState; copyStructure(): Promise<void> }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  if (state.kind === 'reading') return <p className="mg-muted">Reading the mapping…</p>;
  if (state.kind === 'read') {
    return (
      <p className={state.saved === 'failed' ? 'mg-error-text' : 'mg-muted'}>
        Read {state.rows} rows ({state.roles} known roles).{' '}
        {state.saved === 'saving' ? 'Sending to Mapping Guard…' : state.saved === 'saved' ? 'Saved: the check now uses this mapping.' : `Not saved: ${state.error ?? 'unknown error'}`}
      </p>
    );
  }
  return (
    <div className="mg-state" role="alert">
      <p>{state.reason}</p>
      <p className="mg-muted">Cin7 Core may have changed this page. Copy its structure (no values) into a bug report:</p>
      <button
        type="button"
        className="mg-button"
        onClick={() =>
          void copyStructure().then(
            () => setCopied('copied'),
            () => setCopied('failed'),
          )
        }
      >
        Copy page structure
      </button>
      {copied === 'copied' ? <span className="mg-muted"> Copied.</span> : null}
      {copied === 'failed' ? <span className="mg-error-text"> The browser refused the clipboard.</span> : null}
    </div>
  );
}
