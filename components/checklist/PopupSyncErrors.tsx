// The popup's sync errors (issue #16): the failed rows seen on Cin7 Core pages of this pair this browser session,
// grouped by cause with a count per cause, and a box to paste any error text. Both are explained with the status's
// findings, so a row a current finding predicts says what it will keep failing until.
import { useEffect, useMemo, useState } from 'react';
import { explainWithFindings, groupRows, keepsFailingUntil, subjectWords, type SeenRow } from '../../utils/explain';
import type { Status } from '../../utils/protocol/shapes';
import { ExplainBox } from '../ui/ExplainBox';
import { rowsText, SyncErrorGroups } from '../ui/SyncErrorGroups';
import type { MappingGuardClient } from '../ui/client';

export function PopupSyncErrors({ client, status }: { client: MappingGuardClient; status: Status | null }) {
  const [seen, setSeen] = useState<{ pairId: string; messages: string[] }>();
  const pairId = status?.pairId;
  useEffect(() => {
    let current = true;
    if (!pairId) return;
    // The status object changes when the background broadcasts, as it does when a Cin7 tab reports new rows.
    client.getSyncErrors({ pairId }).then(
      (result) => current && setSeen({ pairId, messages: result.messages }),
      () => current && setSeen({ pairId, messages: [] }),
    );
    return () => {
      current = false;
    };
  }, [client, pairId, status]);

  // Another pair's rows never show while this pair's are asked for.
  const messages = useMemo(() => (seen && seen.pairId === pairId ? seen.messages : []), [seen, pairId]);
  const findings = useMemo(() => status?.findings ?? [], [status]);
  const groups = useMemo(() => {
    const rows: SeenRow[] = messages.map((message) => ({
      matches: explainWithFindings(message, findings).matches.map((match) => {
        const until = keepsFailingUntil(match.cause, match.subject, match.related);
        return { cause: match.cause, words: subjectWords(match.subject), ...(match.fix ? { fix: match.fix } : {}), ...(until ? { until } : {}) };
      }),
    }));
    return groupRows(rows.filter((row) => row.matches.length > 0));
  }, [messages, findings]);
  const rows = groups.length > 0 ? messages.length : 0;

  return (
    <section className="mg-popup-sync" aria-labelledby="mg-sync-title">
      <h2 id="mg-sync-title" className="mg-phase-title">
        Sync errors
      </h2>
      {rows > 0 ? (
        <>
          <p className="mg-muted">{rowsText(rows)} failed on Cin7 Core pages you opened, by cause:</p>
          <SyncErrorGroups groups={groups} />
        </>
      ) : (
        <p className="mg-muted">No failed syncs seen on Cin7 Core pages yet. Open Cin7 Core’s failed list to see them here.</p>
      )}
      <ExplainBox findings={findings} />
    </section>
  );
}
