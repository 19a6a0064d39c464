// General Settings, recognised by its "Period lock date" field on a URL the extension was never told.
import { afterEach, describe, expect, it, vi } from 'vitest';
import generalSettings, { lockDateFindings } from '../../../entrypoints/cin7.content/features/general-settings';
import { cin7GeneralSettingsLink } from '../../../utils/audit/links';
import { finding, status } from '../overlay/status-fixtures';
import { featureEnv } from './feature-env';
import { loadFixture } from './load-fixture';

let stop: AbortController | undefined;
afterEach(() => stop?.abort());

const misaligned = finding({ code: 'LOCK_DATE_MISALIGNED', severity: 'error', message: 'Cin7 Core accepts what Xero refuses.', fix: cin7GeneralSettingsLink() });

describe('general-settings feature', () => {
  it('badges the lock date with the lock-date findings and reports the page', async () => {
    loadFixture('general-settings-form.html');
    const { env, controller, statusStore } = featureEnv('https://inventory.dearsystems.com/Settings', status({ findings: [misaligned] }));
    stop = controller;
    await statusStore.load();
    generalSettings.init(controller.signal, env);
    const badge = () => document.querySelector('[data-mg-badge="lock-date"]');
    await vi.waitFor(() => expect(badge()?.textContent).toContain('not aligned with Xero'));
    expect(badge()?.getAttribute('title') ?? badge()?.textContent).toBeTruthy();
    await vi.waitFor(() => expect(env.background.pageRecognised).toHaveBeenCalledWith({ page: 'generalSettings' }));
    controller.abort();
    expect(badge()).toBeNull();
  });

  it('does nothing on a page without the field', async () => {
    loadFixture('account-mapping-extjs-combos.html');
    const { env, controller, statusStore } = featureEnv('https://inventory.dearsystems.com/Settings', status({ findings: [misaligned] }));
    stop = controller;
    await statusStore.load();
    generalSettings.init(controller.signal, env);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelector('[data-mg-badge="lock-date"]')).toBeNull();
    expect(env.background.pageRecognised).not.toHaveBeenCalled();
  });

  it('keeps only open lock-date findings that send the user to General Settings', () => {
    const other = finding({ code: 'BASE_CURRENCY_MISMATCH', fix: cin7GeneralSettingsLink() });
    const reviewed = { ...misaligned, key: 'r', reviewed: true };
    expect(lockDateFindings([misaligned, other, reviewed])).toEqual([misaligned]);
  });
});
