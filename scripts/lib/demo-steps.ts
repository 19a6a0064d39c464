// The screens `npm run demo -- --headless` walks, in order. A new feature adds its screen here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { parseReportJson } from '../../utils/audit/report-json';
import { statusSchema } from '../../utils/protocol/shapes';
import { loadScenario, type ScenarioName } from '../../utils/scenarios/index.ts';
import { FAILED_LIST_PATH, SYNC_HISTORY_PATH } from '../../sandbox/cin7-sync-errors.ts';
import { compareWithCli } from './demo-report.ts';
import { extensionHas, waitForTextToSettle, type DemoContext, type DemoStep } from './demo-walk.ts';
import { openOverlayPanel } from '../../tests/e2e/harness.ts';

const CIN7 = 'https://inventory.dearsystems.com';
const XERO = 'https://go.xero.com';

const replySchema = z.object({ ok: z.boolean(), result: z.unknown().optional(), error: z.unknown().optional() });

async function askBackground(context: DemoContext, mgAction: string, args?: unknown): Promise<unknown> {
  const reply = replySchema.parse(await context.session.sendFromExtensionPage({ mgAction, args }));
  if (!reply.ok) throw new Error(`${mgAction} refused: ${JSON.stringify(reply.error)}`);
  return reply.result;
}

const needsOptionsPage = (context: DemoContext) =>
  extensionHas(context, 'options.html') ? undefined : 'the options page is not built yet';

/**
 * Visits one web-app page and screenshots it with whatever our overlay shows. The panel starts collapsed to its tab;
 * on pages whose findings live in the panel the walk opens it, as a user would (the choice is then remembered).
 */
function pageStep(id: string, title: string, url: string, options: { openPanel?: boolean; clicks?: readonly string[] } = {}): DemoStep {
  const path = options.clicks?.length ? ` → ${options.clicks.length} tab clicks` : '';
  return {
    id,
    title: `${title} (${url}${path})`,
    async run(context) {
      const page = await context.visit(url);
      // Hub pages: open the tab as a user would (in place, no navigation); the overlay finds the page by what it shows.
      for (const selector of options.clicks ?? []) await page.locator(selector).first().click();
      if (options.clicks?.length) await waitForTextToSettle(page);
      if (options.openPanel) {
        // A click on the tab inside its closed root (the harness finds it through DevTools); where the overlay's
        // bundle was not loaded yet, that click loads it.
        await openOverlayPanel(page, { timeout: 10_000 });
        await waitForTextToSettle(page);
      }
      await context.shoot('', page);
    },
  };
}

/**
 * Record pages carry the record's id in the hash, as Cin7 Core does. Products, customers and suppliers: the first
 * one that names a tax rule Cin7 Core does not have (so the screen shows the tax rules check at work), else the
 * first one.
 */
function cin7RecordSteps(scenario: ScenarioName): DemoStep[] {
  const cin7 = loadScenario(scenario).cin7 ?? {};
  const ruleNames = new Set((cin7.taxRules ?? []).filter((rule) => rule.IsActive !== false).map((rule) => String(rule.Name ?? '').toLowerCase()));
  const namesMissingRule = (record: Record<string, unknown>) =>
    ['SaleTaxRule', 'PurchaseTaxRule', 'TaxRule'].some((field) => typeof record[field] === 'string' && record[field] !== '' && !ruleNames.has(String(record[field]).toLowerCase()));
  const telling = <T extends Record<string, unknown> & { ID?: string }>(records: readonly T[] | undefined) =>
    (records ?? []).find(namesMissingRule)?.ID ?? records?.[0]?.ID;
  const records: [string, string, string | undefined][] = [
    ['cin7-sale', 'Sale', cin7.sales?.[0]?.ID],
    ['cin7-purchase', 'Purchase', cin7.purchases?.[0]?.ID],
    ['cin7-product', 'Product', telling(cin7.products)],
    ['cin7-customer', 'Customer', telling(cin7.customers)],
    ['cin7-supplier', 'Supplier', telling(cin7.suppliers)],
  ];
  return records.map(([id, route, recordId]) => ({
    ...pageStep(id, `Cin7 Core ${route}`, `${CIN7}/${route}#${recordId ?? ''}`),
    unavailable: () => (recordId ? undefined : `the ${scenario} scenario has no ${route.toLowerCase()} with an ID`),
  }));
}

const connectXero: DemoStep = {
  id: 'connect-xero',
  title: 'Connect Xero through the sandbox consent page',
  unavailable: needsOptionsPage,
  async run(context) {
    const options = await context.session.connectXero({
      onConsentPage: async (consent: Page) => void (await context.shoot('consent', consent)),
    });
    await context.shoot('connected', options);
  },
};

const saveCin7Keys: DemoStep = {
  id: 'cin7-keys',
  title: 'Save the Cin7 Core API keys on the options page',
  unavailable: needsOptionsPage,
  async run(context) {
    const options = await context.session.saveCin7Keys();
    await context.shoot('', options);
  },
};

const refresh: DemoStep = {
  id: 'refresh',
  title: 'Refresh: fetch both APIs and audit',
  unavailable: needsOptionsPage,
  async run(context) {
    await askBackground(context, 'refresh', { full: true });
    const deadline = Date.now() + 120_000;
    for (;;) {
      const status = statusSchema.parse(await askBackground(context, 'getStatus'));
      if (status.lastError) throw new Error(`refresh failed: ${status.lastError.message}`);
      if (status.fetchedAt && !status.refreshing) {
        context.log(`  ${status.findings.length} findings (${JSON.stringify(status.summary ?? {})})`);
        return;
      }
      if (Date.now() > deadline) throw new Error('refresh did not finish within 120 s');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  },
};

const popup: DemoStep = {
  id: 'popup',
  title: 'Popup',
  unavailable: (context) => (extensionHas(context, 'popup.html') ? undefined : 'the popup is not built'),
  async run(context) {
    const page = await context.session.openPopup();
    await page.setViewportSize({ width: 420, height: 640 }); // the size Chrome gives a popup
    await waitForTextToSettle(page);
    await context.shoot('', page, { fullPage: false }); // what the user sees; the popup scrolls
  },
};

const optionsPage: DemoStep = {
  id: 'options',
  title: 'Options page',
  unavailable: needsOptionsPage,
  async run(context) {
    const page = await context.session.openOptions();
    await waitForTextToSettle(page);
    await context.shoot('', page);
  },
};

/** The guided set-up the install opened (issue #20), before anything is connected. */
const welcomePage: DemoStep = {
  id: 'welcome',
  title: 'Welcome page (guided set-up, opened on install)',
  unavailable: (context) => (extensionHas(context, 'welcome.html') ? undefined : 'the welcome page is not built'),
  async run(context) {
    const page = await context.session.page(`chrome-extension://${context.session.extensionId}/welcome.html`);
    await page.getByRole('navigation', { name: 'Set-up steps' }).waitFor({ timeout: 20_000 });
    await waitForTextToSettle(page);
    await context.shoot('', page);
  },
};

const reportPage: DemoStep = {
  id: 'report',
  title: 'Report page (all findings of the pair, chart, exports; the JSON export saved and compared with the CLI)',
  unavailable: (context) => (extensionHas(context, 'report.html') ? undefined : 'the report page is not built'),
  async run(context) {
    const page = await context.session.context.newPage();
    await page.goto(`chrome-extension://${context.session.extensionId}/report.html`);
    await page.getByRole('button', { name: 'Export JSON' }).waitFor({ timeout: 20_000 });
    await waitForTextToSettle(page);
    await context.shoot('', page);
    // The extension's own result after its refresh, as a user gets it: the page's export, downloaded.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const path = join(context.outDir, `report-${context.scenario}.json`);
    await (await download).saveAs(path);
    const exported = parseReportJson(readFileSync(path, 'utf8'));
    context.log(`  saved the report page's JSON export: ${path}`);
    for (const line of (await compareWithCli(exported, context.scenario as ScenarioName)).lines) context.log(`  ${line}`);
  },
};

const practicePage: DemoStep = {
  id: 'practice',
  title: 'Practice page (every client on one page: open findings, last change, data ages, connection, checklist, trend)',
  unavailable: (context) => (extensionHas(context, 'practice.html') ? undefined : 'the practice page is not built'),
  async run(context) {
    const page = await context.session.context.newPage();
    await page.goto(`chrome-extension://${context.session.extensionId}/practice.html`);
    await page.getByRole('table').waitFor({ timeout: 20_000 });
    await waitForTextToSettle(page);
    await context.shoot('', page);
  },
};

/** The sandbox hub's tabs to click, in order, for each page (sandbox/cin7-settings.ts). */
const SETTINGS_TABS = {
  accountMapping: ['[data-hub="ReferenceBooks"]', '[data-hub="ReferenceBooks/Financial"]', '[data-hub="ReferenceBooks/Financial/AccountMapping"]'],
  chartOfAccounts: ['[data-hub="ReferenceBooks"]', '[data-hub="ReferenceBooks/Financial"]', '[data-hub="ReferenceBooks/Financial/ChartOfAccounts"]'],
  generalSettings: ['[data-hub="GeneralSettings"]'],
} as const;

export function demoSteps(scenario: ScenarioName): DemoStep[] {
  return [
    welcomePage,
    connectXero,
    saveCin7Keys,
    refresh,
    // Account Mapping first: the overlay reads the mapping there, which the other screens' findings use. It has no
    // URL of its own: Settings → Reference Books → Financial → Account Mapping, tabs of the Settings hub.
    pageStep('cin7-account-mapping', 'Cin7 Core Account Mapping', `${CIN7}/Settings`, { clicks: SETTINGS_TABS.accountMapping }),
    pageStep('cin7-dashboard', 'Cin7 Core dashboard', `${CIN7}/`, { openPanel: true }),
    // The failed list the dashboard's "Failed" count opens, and the sync history: each Xero message explained in place.
    pageStep('cin7-failed-syncs', 'Cin7 Core failed transactions', `${CIN7}${FAILED_LIST_PATH}`, { openPanel: true }),
    pageStep('cin7-sync-history', 'Cin7 Core Xero Synchronisation', `${CIN7}${SYNC_HISTORY_PATH}`, { openPanel: true }),
    pageStep('cin7-chart-of-accounts', 'Cin7 Core Chart of Accounts', `${CIN7}/Settings`, { clicks: SETTINGS_TABS.chartOfAccounts }),
    pageStep('cin7-general-settings', 'Cin7 Core General Settings', `${CIN7}/Settings`, { clicks: SETTINGS_TABS.generalSettings }),
    ...cin7RecordSteps(scenario),
    pageStep('xero-chart-of-accounts', 'Xero Chart of Accounts', `${XERO}/GeneralLedger/ChartOfAccounts.aspx`),
    pageStep('xero-financial-settings', 'Xero Financial Settings', `${XERO}/Setup/FinancialSettings.aspx`),
    pageStep('xero-products', 'Xero Products and services', `${XERO}/Accounts/Inventory/`),
    pageStep('xero-tracking', 'Xero Tracking categories', `${XERO}/Setup/Tracking.aspx`),
    pageStep('xero-currencies', 'Xero Currencies', `${XERO}/Setup/CurrencyRates.aspx`),
    pageStep('xero-tax-rates', 'Xero Tax rates', `${XERO}/Setup/TaxRates.aspx`),
    pageStep('xero-bank-accounts', 'Xero Bank accounts', `${XERO}/Bank/BankAccounts.aspx`),
    popup,
    optionsPage,
    reportPage,
    practicePage,
  ];
}
