// @vitest-environment node
// Given a snapshot, each error comes with the audit findings that predict it: the built-in `broken` scenario has an
// archived 810 (mapped) and 425 (a purchase's freight line), a deleted 455, a locked-period invoice and a GBP customer.
import { describe, expect, it } from 'vitest';
import { audit } from '@/utils/audit';
import { explain } from '@/utils/explain';
import { loadScenario, SCENARIO_TODAY } from '@/utils/scenarios';

const broken = loadScenario('broken');
const options = { today: SCENARIO_TODAY };
const only = (text: string) => {
  const { matches } = explain(text, broken, options);
  expect(matches).toHaveLength(1);
  return matches[0]!;
};
const codes = (text: string) => only(text).related.map((finding) => `${finding.code} ${finding.subject.kind}:${finding.subject.label}`);

describe('related findings on the broken scenario', () => {
  it('an archived mapped account names the role that uses it, and links to the Archive tab at the account', () => {
    const match = only("A validation exception occurred: Account code &#39;810&#39; has been archived, or has been deleted.");
    expect(codes("Account code '810' has been archived, or has been deleted.")).toEqual(['ACCOUNT_ARCHIVED role:Customer Credits']);
    expect(match.message).toContain('810 Customer Credits');
    expect(match.fix?.url).toContain(encodeURIComponent('accountClass=ACCTSTATUS/ARCHIVED'));
    expect(match.fix?.url).toContain(encodeURIComponent('#mg-target=account:810'));
  });

  it('an archived account on a document line names the document that uses it', () => {
    expect(codes("Account code '425' has been archived, or has been deleted.")).toEqual(['OVERRIDE_ACCOUNT_INVALID purchase:Purchase PO-00313 (Canterbury Textiles Ltd)']);
  });

  it('a deleted account is called deleted, links to the chart, and names the role still mapped to it', () => {
    const match = only("Account code '455' has been archived, or has been deleted.");
    expect(match.message).toContain('not in Xero');
    expect(match.fix?.url).not.toContain('ARCHIVED');
    expect(match.related.map((finding) => finding.code)).toEqual(['ACCOUNT_NOT_FOUND']);
  });

  it('an account active in the snapshot has nothing predicting the error (it was restored since)', () => {
    const match = only("Account code '200' has been archived, or has been deleted.");
    expect(match.related).toEqual([]);
    expect(match.message).toContain('active');
  });

  it('a locked-period error names the back-dated invoice and the lock dates that let Cin7 Core accept it', () => {
    const match = only('The document date cannot be before the end of year lock date, currently set at 31-Mar-2026');
    expect(match.subject).toEqual({ lock: 'endOfYear', date: '2026-03-31' });
    expect(match.related.map((finding) => finding.code)).toEqual(['DOCUMENT_IN_LOCKED_PERIOD', 'LOCK_DATE_MISALIGNED']);
    expect(match.related[0]!.subject.label).toContain('SO-01038');
    expect(match.fix?.url).toContain(encodeURIComponent('/Setup/FinancialSettings.aspx'));
  });

  it('a currency error names the customers trading in it, and links to Currencies at that currency', () => {
    const match = only('XRO068: Organization is not subscribed to currency GBP');
    expect(match.related.map((finding) => finding.message)).toEqual([expect.stringContaining('Highland Trails Ltd')]);
    expect(match.fix?.url).toContain(encodeURIComponent('#mg-target=currency:GBP'));
    expect(only('Organisation is not subscribed to currency SGD').related).toEqual([]);
  });

  it('an inventory-type error names the Inventory Control mapping to the INVENTORY-type account', () => {
    const match = only('You cannot save this transaction using an inventory account type');
    expect(match.related.map((finding) => `${finding.code} ${finding.subject.key}`)).toEqual(['ACCOUNT_TYPE_MISMATCH inventoryControl']);
    expect(match.fix?.url).toContain(encodeURIComponent('#mg-target=account:630'));
  });

  it('an invalid account names the wrong-type records that post to it, not unrelated ones', () => {
    const related = codes("Account code '200' is not a valid code for this document.");
    expect(related).toContain('OVERRIDE_ACCOUNT_TYPE customer:Customer Coromandel Camping Co');
    expect(related).toContain('TAX_RULE_ACCOUNT_INVALID taxRule:GST on Imports');
    expect(related.every((entry) => !entry.startsWith('CURRENCY') && !entry.startsWith('TRACKED'))).toBe(true);
    expect(codes("Account code '275' is not a valid code for this document.")).toEqual(['OVERRIDE_ACCOUNT_INVALID sale:Sale SO-01044 (Te Anau Adventure Hire)']);
  });

  it('a tax-type error names what is wrong with the account, and none when nothing is', () => {
    // Issue #14: the broken organisation is in NZ, so the role is spelled "Unrealised" (formerly Cin7's "Unrealized").
    expect(codes("The TaxType code 'OUTPUT2' cannot be used with account code '960'.")).toEqual(
      expect.arrayContaining(['ACCOUNT_TYPE_MISMATCH role:Unrealised Currency Gains', 'SYSTEM_ACCOUNT_MAPPED role:Unrealised Currency Gains']),
    );
    expect(codes("The TaxType code 'OUTPUT2' cannot be used with account code '090'.")).toEqual([]);
  });

  it('errors no set-up check predicts have no related findings', () => {
    expect(only('Payment amount exceeds the amount outstanding on this document').related).toEqual([]);
    expect(only('Please remove the incorrect symbols from the product name.').related).toEqual([]);
  });

  it('uses findings passed in instead of auditing again', () => {
    const findings = audit(broken, options).findings.filter((finding) => finding.code !== 'CURRENCY_NOT_ENABLED');
    expect(explain('Organisation is not subscribed to currency GBP', broken, { ...options, findings }).matches[0]!.related).toEqual([]);
  });

  it('uses the organisation short code in fix links', () => {
    const shortCode = broken.xero!.organisation!.ShortCode!;
    expect(only('Organisation is not subscribed to currency GBP').fix?.url).toContain(`shortcode=${encodeURIComponent(shortCode)}`);
    expect(explain('Organisation is not subscribed to currency GBP').matches[0]!.fix?.url).toBe('https://go.xero.com/Setup/CurrencyRates.aspx#mg-target=currency:GBP');
  });
});
