// `npm run demo`: the production extension in Chromium against the local sandbox (Cin7 Core and Xero on their real
// hostnames). With a display it opens a window on Cin7 Core's Account Mapping page; without one (or --headless) it
// walks the main screens and writes screenshots plus the audit report to demo-output/.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchExtension } from '../tests/e2e/harness.ts';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { ensureExtensionBuild } from './lib/build-extension.ts';
import { DEMO_USAGE, DemoArgsError, parseDemoArgs, type DemoArgs } from './lib/demo-args.ts';
import { writeAuditReport } from './lib/demo-report.ts';
import { demoSteps } from './lib/demo-steps.ts';
import { walkDemo } from './lib/demo-walk.ts';
import { findChromium } from './find-chromium.ts';

// Settings → Reference Books → Financial → Account Mapping: the sandbox hub opens that tab from its fragment.
const ACCOUNT_MAPPING_URL = 'https://inventory.dearsystems.com/Settings#ReferenceBooks/Financial/AccountMapping';

async function openWindow(args: DemoArgs, sandbox: Sandbox): Promise<void> {
  const session = await launchExtension({ sandbox, headless: false, viewport: { width: 1366, height: 900 } });
  await session.page(ACCOUNT_MAPPING_URL);
  console.log(`Chromium is open on ${ACCOUNT_MAPPING_URL} (scenario: ${args.scenario}).`);
  console.log('Connect Xero and enter the Cin7 Core keys from the extension’s options page:');
  console.log(`  chrome-extension://${session.extensionId}/options.html`);
  console.log(`  Xero app client id: ${sandbox.xeroClientId}`);
  console.log(`  Cin7 Core account id: ${sandbox.cin7Credentials.accountId}`);
  console.log(`  Cin7 Core application key: ${sandbox.cin7Credentials.applicationKey}`);
  console.log('Close the browser window or press Ctrl+C to stop.');
  await new Promise<void>((resolveClosed) => {
    session.context.on('close', () => resolveClosed());
    process.once('SIGINT', () => resolveClosed());
    process.once('SIGTERM', () => resolveClosed());
  });
  await session.close();
}

async function walkScreens(args: DemoArgs, sandbox: Sandbox): Promise<boolean> {
  const outDir = resolve(args.outDir);
  const session = await launchExtension({ sandbox, headless: true, viewport: { width: 1366, height: 900 } });
  console.log(`Walking the main screens (scenario: ${args.scenario}) …`);
  let outcomes;
  try {
    outcomes = await walkDemo(demoSteps(args.scenario), {
      session,
      outDir,
      scenario: args.scenario,
      log: (line) => console.log(line),
    });
  } finally {
    await session.close();
  }
  const report = await writeAuditReport(args.scenario, outDir);

  console.log('\nScreenshots:');
  for (const path of outcomes.flatMap((outcome) => outcome.screenshots)) console.log(`  ${path}`);
  console.log('Audit report (CLI):');
  for (const path of report.written) console.log(`  ${path}`);
  const exported = resolve(outDir, `report-${args.scenario}.json`);
  console.log('Report page export (the extension’s own result):');
  console.log(existsSync(exported) ? `  ${exported}` : '  (not saved: see the report step above)');
  if (report.problem) console.log(`  (not written: ${report.problem})`);

  const skipped = outcomes.filter((outcome) => outcome.status === 'skipped');
  const failed = outcomes.filter((outcome) => outcome.status === 'failed');
  if (skipped.length > 0) console.log(`Skipped (not built yet): ${skipped.map((outcome) => outcome.id).join(', ')}`);
  if (failed.length > 0) {
    console.error(`FAILED: ${failed.map((outcome) => `${outcome.id} (${outcome.note})`).join('; ')}`);
  }
  // A missing audit CLI is a feature not built yet; a CLI that fails is a failure.
  const reportFailed = report.problem !== undefined && report.written.length === 0 && !/does not exist/.test(report.problem);
  return failed.length === 0 && !reportFailed;
}

async function main(): Promise<number> {
  let args: DemoArgs;
  try {
    args = parseDemoArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof DemoArgsError)) throw error;
    console.error(`${error.message}\n\n${DEMO_USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(DEMO_USAGE);
    return 0;
  }
  findChromium(); // fail before building when there is no browser to run
  await ensureExtensionBuild({ force: args.rebuild });
  const sandbox = await startSandbox({ scenario: args.scenario, port: 0 });
  console.log(`Sandbox ready on 127.0.0.1:${sandbox.port} (scenario: ${args.scenario})`);
  try {
    if (!args.headless) {
      await openWindow(args, sandbox);
      return 0;
    }
    return (await walkScreens(args, sandbox)) ? 0 : 1;
  } finally {
    await sandbox.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
