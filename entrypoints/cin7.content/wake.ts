// What the Cin7 Core features claim, for the start script (utils/overlay/wake.ts): the bundle is loaded on these
// pages, and elsewhere only when something calls for it. tests/unit/cin7/features.test.ts checks that every feature
// is covered: by its routes here, or by the text check its page spotter runs.
import { isPurchase, isRecordWithOverrides, isSale } from '../../utils/cin7/page/routes';
import { mightShow, mightShowSyncErrors, signScore, type Cin7PageKind } from '../../utils/cin7/page/recognise';
import type { OverlayWake } from '../../utils/overlay/wake';

const SPOTTED_PAGES: readonly Cin7PageKind[] = ['accountMapping', 'chartOfAccounts', 'generalSettings'];

export const CIN7_WAKE: OverlayWake = {
  // document-lines (sales, purchases) and record-overrides (products, customers, suppliers).
  routes: [isSale, isPurchase, isRecordWithOverrides],
  // The pages found by what they show (page-spotter.ts) and sync-error messages, by the same cheap checks.
  texts: {
    'account-mapping': (text) => mightShow('accountMapping', text),
    'chart-of-accounts': (text) => mightShow('chartOfAccounts', text),
    'general-settings': (text) => mightShow('generalSettings', text),
    'sync-errors': mightShowSyncErrors,
  },
  // One label of such a page in what the page added: the spotters then read the whole page, and so does the start script.
  hints: (text) => SPOTTED_PAGES.some((page) => signScore(page, text) > 0),
};
