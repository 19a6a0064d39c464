// Product, customer and supplier pages: whether this record's account overrides (and product rules) are valid,
// from the findings whose subject is this record. The engine's fix link of such a finding points at the record
// (`/Product#<ID>`), which is how a finding is tied to the id in this page's hash.
import { FindingList } from '../../../components/panel/FindingList';
import { stripTarget } from '../../../utils/audit/links';
import { isRecordWithOverrides, recordFromUrl, recordIdFromUrl } from '../../../utils/cin7/routes';
import type { Status, StatusFinding } from '../../../utils/messaging';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import type { Cin7FeatureEnv } from '../environment';

export function findingsOfRecord(status: Status, kind: string, id: string): StatusFinding[] {
  const wanted = id.toLowerCase();
  return status.findings.filter((finding) => {
    if (finding.subject.kind !== kind || !finding.fix || finding.fix.app !== 'cin7') return false;
    try {
      return recordIdFromUrl(finding.fix.url)?.toLowerCase() === wanted;
    } catch {
      return false;
    }
  });
}

const NOUN = { product: 'product', customer: 'customer', supplier: 'supplier' } as const;

export default defineFeature<Cin7FeatureEnv>({
  id: 'record-overrides',
  include: [isRecordWithOverrides],
  restartOn: 'url',
  init(signal, env) {
    const record = recordFromUrl(stripTarget(env.url.href));
    if (!record || !(record.kind in NOUN)) return;
    const kind = record.kind as keyof typeof NOUN;
    const id = record.id;
    const render = () => {
      const status = env.status.getState().status;
      let content;
      if (!id) content = <p className="mg-muted">Save the {NOUN[kind]} to check its accounts.</p>;
      else if (!status?.summary) content = <p className="mg-muted">Not checked yet.</p>;
      else {
        const skipped = status.coverage.find((entry) => !entry.ran && entry.check.toLowerCase().includes(kind));
        content = (
          <>
            {skipped?.reason ? <p className="mg-muted">{skipped.reason}</p> : null}
            <FindingList
              findings={findingsOfRecord(status, kind, id)}
              currentApp="cin7"
              emptyText={`No problems with this ${NOUN[kind]}’s account overrides.`}
            />
          </>
        );
      }
      env.panel.showWhileActive({ id: 'record-overrides', title: `This ${NOUN[kind]}’s accounts`, order: 20, content }, signal);
    };
    render();
    const unsubscribe = env.status.subscribe((state, previous) => {
      if (state.status !== previous.status) render();
    });
    signal.addEventListener('abort', unsubscribe, { once: true });
  },
});
