// The harness's view of the sandbox (sandbox/index.ts, built by another helper): only what e2e tests use.

export interface HarnessSandbox {
  port: number;
  /** --host-resolver-rules and certificate flags that send the real hostnames to the sandbox. */
  chromiumArgs: string[];
  cin7Credentials: { accountId: string; applicationKey: string };
  xeroClientId: string;
  close(): Promise<void>;
}

export interface HarnessSandboxOptions {
  scenario: string;
  port?: number;
  scale?: number;
  rateLimitWindowMs?: number;
}

type StartSandbox = (options: HarnessSandboxOptions & { port: number }) => Promise<HarnessSandbox>;

export async function startSandboxForHarness(
  scenario: string,
  extra: Omit<HarnessSandboxOptions, 'scenario'> = {},
): Promise<HarnessSandbox> {
  const modulePath = '../../sandbox/index.ts';
  const sandboxModule = (await import(/* @vite-ignore */ modulePath)) as { startSandbox?: StartSandbox };
  if (typeof sandboxModule.startSandbox !== 'function') {
    throw new Error('sandbox/index.ts does not export startSandbox()');
  }
  return sandboxModule.startSandbox({ port: 0, ...extra, scenario });
}
