import { describe, expect, it } from 'vitest';
import { mergeChecklistStates } from '../../../utils/store/checklist-schema';

const channels = [{ id: 'all', name: 'All channels' }];

describe('mergeChecklistStates', () => {
  it('keeps the later edit of the same item and every item only one side has', () => {
    const local = {
      pairs: {
        p: {
          channels,
          decisions: {
            reconciliation: { values: { frequency: 'Weekly' }, note: 'mine', updatedAt: '2026-11-21T10:00:02Z' },
            reportingNeeds: { values: {}, note: 'older mine', updatedAt: '2026-11-21T10:00:00Z' },
          },
        },
      },
    };
    const remote = {
      pairs: {
        p: {
          channels: [...channels, { id: 'shopify', name: 'Shopify' }],
          decisions: {
            reconciliation: { values: { frequency: 'Monthly' }, note: 'theirs', updatedAt: '2026-11-21T10:00:01Z' },
            reportingNeeds: { values: {}, note: 'newer theirs', updatedAt: '2026-11-21T10:00:05Z' },
            proFormaInvoices: { values: {}, note: 'only theirs' },
          },
        },
        q: { channels, decisions: { approvalWorkflow: { values: { invoiceStatus: 'Draft' }, note: '' } } },
      },
    };
    const merged = mergeChecklistStates(local, remote);
    expect(merged.pairs.p?.decisions.reconciliation?.note).toBe('mine');
    expect(merged.pairs.p?.decisions.reportingNeeds?.note).toBe('newer theirs');
    expect(merged.pairs.p?.decisions.proFormaInvoices?.note).toBe('only theirs');
    expect(merged.pairs.p?.channels).toEqual(channels);
    expect(merged.pairs.q).toEqual(remote.pairs.q);
  });
});
