// Every Cin7 Core feature, registered once. tests/unit/cin7/features.test.ts checks that each file in this folder
// is listed here and declares its routes.
import type { FeatureDefinition } from '../../../utils/overlay/feature-registry';
import type { Cin7FeatureEnv } from '../environment';
import accountMapping from './account-mapping';
import arrivalHighlight from './arrival-highlight';
import chartOfAccounts from './chart-of-accounts';
import documentLines from './document-lines';
import generalSettings from './general-settings';
import healthPanel from './health-panel';
import recordOverrides from './record-overrides';
import syncErrors from './sync-errors';

export const CIN7_FEATURES: readonly FeatureDefinition<Cin7FeatureEnv>[] = [
  healthPanel,
  accountMapping,
  documentLines,
  recordOverrides,
  chartOfAccounts,
  generalSettings,
  arrivalHighlight,
  syncErrors,
];
