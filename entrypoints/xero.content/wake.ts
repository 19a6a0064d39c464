// What the Xero features claim, for the start script (utils/overlay/wake.ts): the bundle is loaded on these pages,
// and elsewhere only when something calls for it. tests/unit/xero-overlay/features.test.ts checks that every
// feature's routes are here.
import { isBankAccounts, isChartOfAccounts, isCurrencies, isFinancialSettings, isProductsAndServices, isTracking } from '../../utils/xero/page/routes';
import type { OverlayWake } from '../../utils/overlay/wake';

export const XERO_WAKE: OverlayWake = {
  routes: [isBankAccounts, isChartOfAccounts, isCurrencies, isFinancialSettings, isProductsAndServices, isTracking],
  texts: {},
};
