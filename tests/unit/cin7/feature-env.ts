import { vi } from 'vitest';
import type { Cin7Actions, Cin7FeatureEnv } from '../../../entrypoints/cin7.content/environment';
import type { ClientOf } from '../../../utils/protocol/client';
import type { Status } from '../../../utils/protocol/shapes';
import { fakeOpenOptions, overlayTestEnv } from '../overlay/overlay-env-fixtures';

export function featureEnv(url: string, status: Status, background: Partial<ClientOf<Cin7Actions | 'openOptions'>> = {}) {
  const setup = overlayTestEnv(url, status, {
    saveMapping: vi.fn(async () => ({ saved: true, pairId: 'pair-1' })),
    getMapping: vi.fn(async () => ({ mapping: null })),
    getDocument: vi.fn(async () => {
      throw new Error('not stubbed');
    }),
    getRecordTaxRules: vi.fn(async () => {
      throw new Error('not stubbed');
    }),
    pageRecognised: vi.fn(async () => ({ stored: true })),
    reportSyncErrors: vi.fn(async () => ({ stored: 1 })),
    openOptions: fakeOpenOptions(),
    ...background,
  });
  const env: Cin7FeatureEnv = setup.env;
  return { ...setup, env };
}
