// DOCUMENT_IN_LOCKED_PERIOD (error): a sale's or purchase's invoice, credit note or shipment is dated on or before
// the later of Xero's PeriodLockDate / EndOfYearLockDate; Xero rejects it ("The document date cannot be before the
// period lock date", research/xero.md §6).
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { lockedPeriodFinding } from '../documents';

export const documentLockedPeriodRule: Rule = {
  id: 'document-locked-period',
  title: "Sales and purchases are dated after Xero's lock date",
  codes: ['DOCUMENT_IN_LOCKED_PERIOD'],
  needs: ['xero.organisation'],
  needsAnyOf: ['cin7.sales', 'cin7.purchases'],
  run(ctx) {
    const findings: Finding[] = [];
    if (!ctx.xeroLockDate) return findings;
    for (const sale of ctx.snapshot.cin7?.sales ?? []) {
      const finding = lockedPeriodFinding({ kind: 'sale', sale }, ctx);
      if (finding) findings.push(finding);
    }
    for (const purchase of ctx.snapshot.cin7?.purchases ?? []) {
      const finding = lockedPeriodFinding({ kind: 'purchase', purchase }, ctx);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
