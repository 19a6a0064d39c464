// Meta-test (refined-github style): every feature file is registered, has a unique id and declares its routes.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CIN7_FEATURES } from '../../../entrypoints/cin7.content/features';
import { isEveryPage, ROUTE_EXAMPLES } from '../../../utils/cin7/page/routes';
import { CIN7_WAKE } from '../../../entrypoints/cin7.content/wake';
import { expectWakeCoversFeatures } from '../overlay/wake-coverage';
import { ROLES } from '../../../utils/audit/roles';
import { PAGE_SIGN_TEXT, SYNC_ERROR_SIGN_TEXT } from '../../../utils/cin7/page/selectors';

const featureDir = resolve(process.cwd(), 'entrypoints/cin7.content/features');
const files = readdirSync(featureDir).filter((name) => /\.tsx?$/.test(name) && !name.startsWith('index.'));

describe('Cin7 features', () => {
  it.each(files)('%s is registered in features/index.ts', async (file) => {
    const module = (await import(resolve(featureDir, file))) as { default: unknown };
    expect(CIN7_FEATURES).toContain(module.default);
  });

  it('ids are unique and match their file names', () => {
    const ids = CIN7_FEATURES.map((feature) => feature.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(files.map((file) => file.replace(/\.tsx?$/, '')).sort());
  });

  it('each feature runs on at least one listed example URL', () => {
    const examples = [...ROUTE_EXAMPLES.values()].flat().map((href) => new URL(href));
    for (const feature of CIN7_FEATURES) {
      const runsSomewhere = examples.some((url) => feature.include.some((test) => test(url)));
      expect(runsSomewhere, feature.id).toBe(true);
    }
  });

  it('the start script loads the overlay wherever a feature has work (wake.ts): by its routes, or the text it finds its page by', () => {
    const examples = [...ROUTE_EXAMPLES.values()].flat().map((href) => new URL(href));
    const roleNames = ROLES.map((role) => role.label.toLowerCase()).join(' · ');
    expectWakeCoversFeatures(CIN7_FEATURES, CIN7_WAKE, isEveryPage, examples, {
      'account-mapping': roleNames,
      'chart-of-accounts': PAGE_SIGN_TEXT.chartOfAccounts.join(' '),
      'general-settings': PAGE_SIGN_TEXT.generalSettings.join(' '),
      'sync-errors': SYNC_ERROR_SIGN_TEXT[0]!,
    });
    // One label of a spotted page in added text has the whole page read (page-spotter.ts does the same).
    for (const sample of [ROLES[0]!.label, ...PAGE_SIGN_TEXT.chartOfAccounts]) expect(CIN7_WAKE.hints?.(sample.toLowerCase()), sample).toBe(true);
  });
});
