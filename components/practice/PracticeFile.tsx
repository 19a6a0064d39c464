// Export and import of the practice file: decisions, notes, reviewed marks and the schedule travel to another
// browser; never a token or key. The import says what it changed, or why it changed nothing.
import { useId, useState } from 'react';
import { Button } from '../ui/Button';
import { errorText } from '../ui/client';
import { MAX_PRACTICE_FILE_CHARS, PRACTICE_FILE_TOO_LARGE } from '../../utils/practice/file';
import type { PracticeClient } from './PracticePage';

export function PracticeFile({ client, download, now }: { client: PracticeClient; download: (name: string, type: string, content: string) => void; now: () => Date }) {
  const id = useId();
  const [result, setResult] = useState<{ error?: string; changes?: string[] }>();

  const exportFile = () =>
    client.exportPractice().then(
      ({ json }) => download(`mapping-guard-practice-${now().toISOString().slice(0, 10)}.json`, 'application/json', json),
      (failure: unknown) => setResult({ error: errorText(failure) }),
    );

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    // Bytes are at least as many as characters: a file over the limit is refused before it is read.
    if (file.size > MAX_PRACTICE_FILE_CHARS) {
      setResult({ error: PRACTICE_FILE_TOO_LARGE });
      return;
    }
    try {
      const { changes } = await client.importPractice({ json: await file.text() });
      setResult({ changes });
    } catch (failure) {
      setResult({ error: errorText(failure) });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="mg-practice-file">
      <h2 id={`${id}-title`}>Practice file</h2>
      <p>
        Take every client’s checklist decisions, notes, reviewed marks and the schedule to another browser. The file
        holds no token, key or Cin7 Core Account ID: connect the same clients there, then import it.
      </p>
      <Button onClick={() => void exportFile()}>Export practice file</Button>{' '}
      <label htmlFor={`${id}-import`}>Import practice file</label>{' '}
      <input id={`${id}-import`} type="file" accept="application/json,.json" onChange={(event) => void importFile(event.target.files?.[0])} />
      <div role="status" aria-live="polite">
        {result?.error && <p className="mg-error">{result.error}</p>}
        {result?.changes && (
          <>
            <p>Imported. What changed:</p>
            <ul data-testid="import-changes">
              {result.changes.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
