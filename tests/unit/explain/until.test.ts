// @vitest-environment node
// "This will keep failing until …" from the findings that predict an error (the built-in `broken` scenario), the
// status-findings path the panel and popup use, and the audit's findings naming the Xero message the user will see.
import { describe, expect, it } from 'vitest';
import { audit } from '@/utils/audit';
import { explain, explainWithFindings, keepsFailingUntil, SYNC_ERROR_SAMPLES, CAUSES } from '@/utils/explain';
import { loadScenario, SCENARIO_TODAY } from '@/utils/scenarios';

const broken = loadScenario('broken');
const { findings } = audit(broken, { today: SCENARIO_TODAY });
const until = (text: string) => {
  const [match] = explainWithFindings(text, findings).matches;
  return match ? keepsFailingUntil(match.cause, match.subject, match.related) : undefined;
};

describe('keepsFailingUntil on the broken scenario', () => {
  it('an archived mapped account: unarchive it, or map the role elsewhere', () => {
    expect(until("Account code '810' has been archived, or has been deleted.")).toBe(
      'This will keep failing until 810 is unarchived in Xero or the role that uses it (Customer Credits) is mapped to another account.',
    );
  });

  it('a deleted account: add it again, or map the role elsewhere', () => {
    expect(until("Account code '455' has been archived, or has been deleted.")).toMatch(/^This will keep failing until 455 is added to Xero's chart of accounts again or the role that uses it \(.+\) is mapped to another account\.$/);
  });

  it('an archived account on a document line names the document', () => {
    expect(until("Account code '425' has been archived, or has been deleted.")).toBe(
      'This will keep failing until 425 is unarchived in Xero or Purchase PO-00313 (Canterbury Textiles Ltd) points to another account.',
    );
  });

  it('a locked period names the documents, a missing currency names the currency', () => {
    expect(until(SYNC_ERROR_SAMPLES['period-locked'])).toMatch(/^This will keep failing until Sale SO-\d+ .* is dated after Xero's lock date, or the lock date is moved in Xero\.$/);
    expect(until('Organisation is not subscribed to currency GBP')).toBe("This will keep failing until GBP is added to Xero's currencies.");
  });

  it('nothing predicted, nothing said: an active account, a cause no set-up check predicts', () => {
    expect(until("Account code '200' has been archived, or has been deleted.")).toBeNull();
    expect(until(SYNC_ERROR_SAMPLES['invoice-paid-in-xero'])).toBeNull();
    expect(keepsFailingUntil('account-archived', { account: '810' }, [])).toBeNull();
  });

  it('with status findings gives the same related findings as with the snapshot', () => {
    const text = "Account code '810' has been archived, or has been deleted.";
    const keys = (list: { code: string; subject: { key: string } }[]) => list.map((finding) => `${finding.code}:${finding.subject.key}`);
    expect(keys(explainWithFindings(text, findings).matches[0]!.related)).toEqual(keys(explain(text, broken, { today: SCENARIO_TODAY }).matches[0]!.related));
    expect(explainWithFindings('Nothing Mapping Guard knows', findings).matches).toEqual([]);
  });
});

describe('the samples, one home for the messages', () => {
  it('every cause has a sample, and each is explained as its own cause', () => {
    expect(Object.keys(SYNC_ERROR_SAMPLES).sort()).toEqual([...CAUSES].sort());
    for (const [cause, sample] of Object.entries(SYNC_ERROR_SAMPLES)) expect(explain(sample).matches.map((match) => match.cause)).toEqual([cause]);
  });
});

describe('findings that predict a failed sync name the Xero message', () => {
  const quoted = (message: string) => /message "([^"]+)"/.exec(message)?.[1];

  it('a document in a locked period quotes the lock-date message, with its date', () => {
    const locked = findings.find((finding) => finding.code === 'DOCUMENT_IN_LOCKED_PERIOD')!;
    const text = quoted(locked.message)!;
    expect(text).toMatch(/^The document date cannot be before the (period|end of year) lock date, currently set at \d{2}-[A-Z][a-z]{2}-\d{4}$/);
    const [match] = explain(text).matches;
    expect(match?.cause).toBe('period-locked');
    expect(locked.message).toContain(match!.subject.date!);
  });

  it('a document line on an archived account quotes the archived message; a missing one the not-valid message', () => {
    const onDocuments = findings.filter((finding) => finding.code === 'OVERRIDE_ACCOUNT_INVALID' && ['sale', 'purchase'].includes(finding.subject.kind));
    expect(onDocuments.length).toBeGreaterThan(0);
    for (const finding of onDocuments) {
      const text = quoted(finding.message);
      expect(text, finding.message).toBeDefined();
      const [match] = explain(text!).matches;
      expect(match?.cause).toBe(/is archived in Xero/.test(finding.message) ? 'account-archived' : 'account-invalid-for-document');
      expect(finding.message).toContain(match!.subject.account!);
    }
    // Overrides on products or contacts are not one document's sync: no message quoted there.
    for (const finding of findings.filter((item) => item.code === 'OVERRIDE_ACCOUNT_INVALID' && !['sale', 'purchase'].includes(item.subject.kind))) {
      expect(quoted(finding.message)).toBeUndefined();
    }
  });
});
