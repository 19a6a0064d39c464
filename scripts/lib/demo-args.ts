// Command line of `npm run demo`.
import { isScenarioName, SCENARIO_NAMES, type ScenarioName } from '../../utils/scenarios/index.ts';

export interface DemoArgs {
  scenario: ScenarioName;
  /** Walk the screens and write screenshots instead of opening a window. */
  headless: boolean;
  outDir: string;
  /** Rebuild even when .output/chrome-mv3 is newer than the sources. */
  rebuild: boolean;
  help: boolean;
}

export const DEMO_USAGE = `Usage: npm run demo -- [--scenario ${SCENARIO_NAMES.join('|')}] [--headless] [--out DIR] [--rebuild]

Builds the extension, starts the sandbox (Cin7 Core and Xero on their real hostnames, served locally) and opens
Chromium with the extension on the Cin7 Core Account Mapping page. Without a display, or with --headless, it walks
the main screens instead and writes screenshots and the audit report to demo-output/.`;

export class DemoArgsError extends Error {
  override name = 'DemoArgsError';
}

/** `env` decides the default mode: no DISPLAY / WAYLAND_DISPLAY means there is no screen to open a window on. */
export function parseDemoArgs(argv: readonly string[], env: NodeJS.ProcessEnv): DemoArgs {
  const args: DemoArgs = {
    scenario: 'broken',
    headless: !env.DISPLAY && !env.WAYLAND_DISPLAY,
    outDir: 'demo-output',
    rebuild: false,
    help: false,
  };
  for (let index = 0; index < argv.length; index += 1) {
    const [flag, inlineValue] = (argv[index] as string).split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => {
      const next = inlineValue ?? argv[++index];
      if (next === undefined || next.startsWith('--')) throw new DemoArgsError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--scenario': {
        const scenario = value();
        if (!isScenarioName(scenario)) {
          throw new DemoArgsError(`Unknown scenario "${scenario}" (choose ${SCENARIO_NAMES.join(', ')})`);
        }
        args.scenario = scenario;
        break;
      }
      case '--headless':
        args.headless = true;
        break;
      case '--out':
        args.outDir = value();
        break;
      case '--rebuild':
        args.rebuild = true;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new DemoArgsError(`Unknown option ${flag}`);
    }
  }
  return args;
}
