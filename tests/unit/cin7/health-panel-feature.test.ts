// The health panel on every Cin7 Core page: it stays across navigation and loads the pair's status when it starts
// (mounting the panel itself needs WXT's shadow-root UI: the e2e tests cover it).
import { describe, expect, it } from 'vitest';
import healthPanel from '../../../entrypoints/cin7.content/features/health-panel';
import { status } from '../overlay/status-fixtures';
import { featureEnv } from './feature-env';

describe('Cin7 health-panel feature', () => {
  it('runs on every page, is never restarted, and loads the status when it starts', async () => {
    expect(healthPanel.restartOn).toBe('never');
    expect(healthPanel.include.every((test) => test(new URL('https://inventory.dearsystems.com/Sale#abc')))).toBe(true);
    const { env, controller, client } = featureEnv('https://inventory.dearsystems.com/Dashboard', status({ pairId: 'pair-1' }));
    await healthPanel.init(controller.signal, env);
    expect(client.getStatus).toHaveBeenCalledTimes(1);
    await expect.poll(() => env.status.getState().status?.pairId).toBe('pair-1');
    controller.abort();
  });
});
