// Meta-test (refined-github style): every feature file is registered, has a unique id matching its file name and
// runs on at least one listed example URL.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { XERO_FEATURES } from '../../../entrypoints/xero.content/features';
import { isEveryPage, ROUTE_EXAMPLES } from '../../../utils/xero/page/routes';
import { XERO_WAKE } from '../../../entrypoints/xero.content/wake';
import { expectWakeCoversFeatures } from '../overlay/wake-coverage';

const featureDir = resolve(process.cwd(), 'entrypoints/xero.content/features');
const files = readdirSync(featureDir).filter((name) => /\.tsx?$/.test(name) && !name.startsWith('index.'));

describe('Xero features', () => {
  it.each(files)('%s is registered in features/index.ts', async (file) => {
    const module = (await import(resolve(featureDir, file))) as { default: unknown };
    expect(XERO_FEATURES).toContain(module.default);
  });

  it('ids are unique and match their file names', () => {
    const ids = XERO_FEATURES.map((feature) => feature.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(files.map((file) => file.replace(/\.tsx?$/, '')).sort());
  });

  it('each feature runs on at least one listed example URL', () => {
    const examples = [...ROUTE_EXAMPLES.values()].flat().map((href) => new URL(href));
    for (const feature of XERO_FEATURES) {
      expect(
        examples.some((url) => feature.include.some((test) => test(url)) && !(feature.exclude ?? []).some((test) => test(url))),
        feature.id,
      ).toBe(true);
    }
  });

  it('no feature runs off go.xero.com', () => {
    for (const href of ['https://inventory.dearsystems.com/ChartOfAccounts', 'https://login.xero.com/GeneralLedger/ChartOfAccounts.aspx#mg-target=account:1']) {
      for (const feature of XERO_FEATURES) expect(feature.include.some((test) => test(new URL(href))), feature.id).toBe(false);
    }
  });

  it('the start script loads the overlay wherever a feature has work (wake.ts): by its routes, or the text it finds its page by', () => {
    const examples = [...ROUTE_EXAMPLES.values()].flat().map((href) => new URL(href));
    expectWakeCoversFeatures(XERO_FEATURES, XERO_WAKE, isEveryPage, examples);
  });
});
