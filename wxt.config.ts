import { defineConfig } from 'wxt';

// The production manifest. E2E tests and the demo load this build unchanged: the sandbox answers on the
// real hostnames (Chromium's host-resolver rules route them to 127.0.0.1).
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Mapping Guard for Cin7 Core + Xero',
    description:
      'Checks the Cin7 Core ↔ Xero integration set-up before anything syncs, and shows what to fix inside both apps.',
    permissions: ['storage', 'alarms', 'identity'],
    host_permissions: [
      'https://inventory.dearsystems.com/*',
      'https://api.xero.com/*',
      'https://identity.xero.com/*',
    ],
    ...(browser === 'firefox' && {
      browser_specific_settings: { gecko: { id: 'mapping-guard@mappingguard.app', strict_min_version: '115.0' } },
    }),
  }),
});
