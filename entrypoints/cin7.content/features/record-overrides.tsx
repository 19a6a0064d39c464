// Product, customer and supplier pages: whether this record's account overrides (and product rules) are valid,
// from the findings whose subject is this record, and whether its tax rules can be used (getRecordTaxRules). The
// engine's fix link of such a finding points at the record (`/Product#<ID>`), which is how a finding is tied to
// the id in this page's hash.
import { FindingList } from '../../../components/panel/FindingList';
import { FixLink } from '../../../components/ui/FixLink';
import { stripTarget } from '../../../utils/audit/links';
import { isRecordWithOverrides, recordFromUrl, recordIdFromUrl } from '../../../utils/cin7/page/routes';
import type { RecordTaxRulesResult, Status, StatusFinding } from '../../../utils/protocol/shapes';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import { describeError } from '../../../utils/overlay/panel-state';
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

export type TaxRulesState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; result: RecordTaxRulesResult };

type TaxField = RecordTaxRulesResult['fields'][number];

const SEVERITY_LABEL: Record<TaxField['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Info', ok: 'OK' };
const VERDICT_LABEL: Record<TaxField['verdict'], string> = {
  ok: 'valid',
  notSet: 'not set',
  unknown: 'unknown rule',
  wrongUse: 'not a rule for this side',
  inactive: 'inactive rule',
  accountInvalid: 'its account is invalid',
  xeroTaxRateInactive: 'its Xero tax rate is unavailable',
  notInXero: 'Xero has no such tax rate',
  unchecked: 'not checked yet',
};

/** The "Tax rules" part: each tax rule field, the rule it names, the verdict, why, and where to fix it. */
export function TaxRulesPart({ state, noun }: { state: TaxRulesState; noun: string }) {
  let body;
  if (state.kind === 'loading') body = <p className="mg-muted">Checking this {noun}’s tax rules…</p>;
  else if (state.kind === 'failed') body = <p className="mg-error-text">Could not check this {noun}’s tax rules: {state.message}</p>;
  else if (!state.result.found || state.result.fields.length === 0) {
    body = <p className="mg-muted">{state.result.reason ?? `This ${noun}’s tax rules are not in the fetched data yet. Refresh to check them.`}</p>;
  } else {
    body = (
      <ul className="mg-findings">
        {state.result.fields.map((field) => (
          <li key={field.field} className={`mg-finding mg-${field.severity}`} data-field={field.field} data-verdict={field.verdict}>
            <span className="mg-severity">{SEVERITY_LABEL[field.severity]}</span>
            <span className="mg-message">
              <strong>
                {field.fieldLabel}: {field.ruleName ?? 'none'}
              </strong>{' '}
              ({VERDICT_LABEL[field.verdict]}). {field.explanation}
            </span>
            {field.fix ? <FixLink fix={field.fix} currentApp="cin7" className="mg-fix" /> : null}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div data-part="tax-rules">
      <h4 className="mg-section-title">Tax rules</h4>
      {body}
    </div>
  );
}

export default defineFeature<Cin7FeatureEnv>({
  id: 'record-overrides',
  include: [isRecordWithOverrides],
  restartOn: 'url',
  async init(signal, env) {
    const record = recordFromUrl(stripTarget(env.url.href));
    if (!record || !(record.kind in NOUN)) return;
    const kind = record.kind as keyof typeof NOUN;
    const id = record.id;
    let taxRules: TaxRulesState = { kind: 'loading' };
    const render = () => {
      const status = env.status.getState().status;
      let content;
      if (!id) content = <p className="mg-muted">Save the {NOUN[kind]} to check its accounts.</p>;
      else {
        let accounts;
        if (!status?.summary) accounts = <p className="mg-muted">Not checked yet.</p>;
        else {
          const skipped = status.coverage.find((entry) => !entry.ran && entry.check.toLowerCase().includes(kind));
          accounts = (
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
        content = (
          <>
            {accounts}
            <TaxRulesPart state={taxRules} noun={NOUN[kind]} />
          </>
        );
      }
      env.panel.showWhileActive({ id: 'record-overrides', title: `This ${NOUN[kind]}’s accounts and tax rules`, order: 20, content }, signal);
    };
    const loadTaxRules = async () => {
      if (!id) return;
      try {
        const result = await env.background.getRecordTaxRules({ kind, id });
        taxRules = { kind: 'loaded', result };
      } catch (error) {
        taxRules = { kind: 'failed', message: describeError(error) };
      }
      if (!signal.aborted) env.guard(render)();
    };
    render();
    env.listen(env.status.subscribe, (state, previous) => {
      if (state.status === previous.status) return;
      render();
      // A finished refresh brings new data: check the tax rules again.
      if (previous.status && state.status?.fetchedAt !== previous.status.fetchedAt) void loadTaxRules();
    });
    await loadTaxRules();
  },
});
