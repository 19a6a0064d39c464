// `npm run sandbox -- --scenario broken [--port 8443] [--scale 0.1]`: starts the sandbox and prints one `ready`
// line with the port, then the Chromium flags and the demo credentials.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SCENARIO_NAMES } from '../utils/scenarios';
import { startSandbox } from './index';

const argsSchema = z.object({
  scenario: z.enum(SCENARIO_NAMES).default('broken'),
  port: z.coerce.number().int().min(0).max(65_535).default(8443),
  scale: z.coerce.number().positive().optional(),
  'rate-limit-window-ms': z.coerce.number().int().positive().optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      port: { type: 'string' },
      scale: { type: 'string' },
      'rate-limit-window-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(`Usage: npm run sandbox -- [--scenario ${SCENARIO_NAMES.join('|')}] [--port 8443] [--scale 0.1] [--rate-limit-window-ms 60000]`);
    return;
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    console.error(`sandbox: --${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
    process.exitCode = 2;
    return;
  }
  const args = parsed.data;
  const sandbox = await startSandbox({
    scenario: args.scenario,
    port: args.port,
    scale: args.scale,
    rateLimitWindowMs: args['rate-limit-window-ms'],
  });
  console.log(`sandbox ready on https://127.0.0.1:${sandbox.port} (scenario: ${args.scenario})`);
  console.log(`chromium flags: ${sandbox.chromiumArgs.map((a) => `'${a}'`).join(' ')}`);
  console.log(`cin7 account id: ${sandbox.cin7Credentials.accountId}`);
  console.log(`cin7 application key: ${sandbox.cin7Credentials.applicationKey}`);
  console.log(`xero client id: ${sandbox.xeroClientId}`);
  console.log(`open: https://inventory.dearsystems.com/AccountMapping · https://go.xero.com/GeneralLedger/ChartOfAccounts.aspx`);
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('sandbox failed to start:', error);
  process.exitCode = 1;
});
