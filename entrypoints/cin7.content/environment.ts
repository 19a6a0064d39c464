// What every Cin7 feature receives: the overlay environment both apps share (utils/overlay/overlay-env) with the
// background actions the Cin7 features call (content scripts never fetch).
import type { OverlayEnv } from '../../utils/overlay/overlay-env';

export type Cin7Actions = 'saveMapping' | 'getMapping' | 'getDocument' | 'getRecordTaxRules' | 'pageRecognised' | 'reportSyncErrors';

export type Cin7FeatureEnv = OverlayEnv<Cin7Actions>;
