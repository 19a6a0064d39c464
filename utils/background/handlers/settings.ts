// The options page's settings and its diagnostics (what was read when, API calls left, the last error).
import type { ActionHandlers } from '../../protocol/server';
import type { BackgroundContext } from '../context';
import { DEFAULT_SETTINGS, settingsItem } from '../state';

export function settingsHandlers(ctx: BackgroundContext): Pick<ActionHandlers, 'getSettings' | 'setSettings' | 'getDiagnostics'> {
  return {
    async getSettings() {
      return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
    },
    async setSettings(args) {
      const settings = { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()), ...args };
      await settingsItem.setValue(settings);
      ctx.deps.onSettingsChanged?.(settings.refreshHours);
      return settings;
    },
    async getDiagnostics(args, context) {
      const pair = await ctx.resolvePair(context, { pairId: args?.pairId });
      if (!pair) return { readers: [], limits: [], errors: [] };
      const [mapping, result] = await Promise.all([ctx.data.getMapping(pair.id), ctx.data.getResult(pair.id)]);
      const { limits } = ctx.refresher.xeroClient(pair.xeroTenantId);
      const known = (value: number | undefined) => (value === undefined ? 'not seen yet' : String(value));
      return {
        readers: mapping
          ? [{ reader: 'Cin7 Account Mapping page', lastRunAt: mapping.readAt, outcome: `${mapping.rows.length} rows read` }]
          : [],
        limits: [
          { api: 'Xero calls left this minute', remaining: known(limits.minuteRemaining) },
          { api: 'Xero calls left today', remaining: known(limits.dayRemaining) },
        ],
        errors: result?.lastError
          ? [{ at: result.auditedAt, message: result.lastError.message, detail: result.lastError.detail }]
          : [],
      };
    },
  };
}
