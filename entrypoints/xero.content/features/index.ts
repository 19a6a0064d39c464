// Every Xero feature, registered once. tests/unit/xero-overlay/features.test.ts checks that each file in this
// folder is listed here and declares its routes.
import type { FeatureDefinition } from '../../../utils/overlay/feature-registry';
import type { XeroFeatureEnv } from '../environment';
import arrivalHighlight from './arrival-highlight';
import bankAccounts from './bank-accounts';
import chartOfAccounts from './chart-of-accounts';
import currencies from './currencies';
import financialSettings from './financial-settings';
import healthPanel from './health-panel';
import productsAndServices from './products-and-services';
import trackingCategories from './tracking-categories';

export const XERO_FEATURES: readonly FeatureDefinition<XeroFeatureEnv>[] = [
  healthPanel,
  chartOfAccounts,
  financialSettings,
  productsAndServices,
  trackingCategories,
  currencies,
  bankAccounts,
  arrivalHighlight,
];
