// Paste any sync error and get the explanation (issue #16): the explainer runs here, with the status's findings as
// the ones that predict the error. An unknown text says so; it never gets a guessed cause.
import { useId, useState, type FormEvent } from 'react';
import type { Finding } from '../../utils/audit/types';
import { causeInWords, explainWithFindings, keepsFailingUntil, type ExplainMatch } from '../../utils/explain';
import { FixLink } from './FixLink';

/** A failed list pasted whole fits; longer pastes are cut here (the explainer reads no further either). */
const MAX_PASTE = 20_000;

export function ExplainBox({ findings = [], currentApp }: { findings?: readonly Finding[]; currentApp?: 'cin7' | 'xero' }) {
  const id = useId();
  const [text, setText] = useState('');
  const [result, setResult] = useState<ExplainMatch[] | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setResult(text.trim() ? explainWithFindings(text, findings).matches : null);
  };
  return (
    <form className="mg-explain" onSubmit={submit} aria-label="Explain a sync error">
      <label htmlFor={`${id}-text`}>Paste a sync error from Cin7 Core or Xero</label>
      <textarea
        id={`${id}-text`}
        rows={3}
        maxLength={MAX_PASTE}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Ctrl/Cmd+Enter explains without leaving the box; Enter alone is a new line, as in any text area.
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
        }}
      />
      <button type="submit" className="mg-button">
        Explain
      </button>
      <div aria-live="polite" aria-atomic="true" className="mg-explain-result">
        {result === null ? null : result.length === 0 ? (
          <p>Not a sync error Mapping Guard knows.</p>
        ) : (
          <ul>
            {result.map((match, index) => {
              const until = keepsFailingUntil(match.cause, match.subject, match.related);
              return (
                <li key={index} data-cause={match.cause}>
                  <strong>{causeInWords(match.cause, match.subject)}</strong>
                  <p>{match.message}</p>
                  {until ? <p className="mg-until">{until}</p> : null}
                  {match.fix ? <FixLink fix={match.fix} currentApp={currentApp} className="mg-fix" /> : null}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </form>
  );
}
