import { defineConfig } from 'wxt';
import { XERO_API_ORIGIN, XERO_IDENTITY_ORIGIN, appMatchPattern } from './utils/apps';

// The production manifest. E2E tests and the demo load this build unchanged: the sandbox answers on the
// real hostnames (Chromium's host-resolver rules route them to 127.0.0.1).
// Public half of an RSA key: pins the Chromium extension id to kgifakjijaobjokpdplikeiegeobjlem, so the Xero
// redirect URI is always https://kgifakjijaobjokpdplikeiegeobjlem.chromiumapp.org/ (Xero allows no wildcards).
const CHROMIUM_MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAz8gj5Fk8RCL1MU5PfCTarpgA9G9D8OUubcpE9c5T8k/fPrZnin1B3SBFz+19xGZjGarNbbcREhwRoCyo7fuSZpGLqG+yjx06pdlB2aY/8Ite6XM6daTDttN3oU4k0szAkGveKuGb3/Wg6STipt6rJZhpuiPwfSa8IDZ01yFFSBNCisenYdJuIk1fTvr/uwDDy8Gg0zr9qElSn2vwLDQY+16M1USTWIYKrCOGyJJonSaCNoLIm1OhUcnedqdoaJMZykjuKLUtcVRRZuIObhbOKQjz7UtuNJ6N8vg6Ph1KQDTxEi1to67rUl0f+fB7sQRsFN6grPT25xaUgFokw5G/lwIDAQAB';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Mapping Guard for Cin7 Core + Xero',
    description:
      'Checks the Cin7 Core ↔ Xero integration set-up before anything syncs, and shows what to fix inside both apps.',
    // unlimitedStorage: exempts the extension origin's IndexedDB (sealed keys, tokens, snapshots) from eviction under
    // storage pressure, and from the origin quota (README, Security: "Storage").
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'identity'],
    // Asked for only when the user turns notifications on (options page): scheduled checks that find new errors.
    optional_permissions: ['notifications'],
    // Opens or closes the health panel from the keyboard on Cin7 Core and Xero pages (changeable in the browser's
    // shortcuts page). No permission needed.
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Open or close the Mapping Guard panel on this page',
      },
    },
    host_permissions: [
      appMatchPattern('cin7'), // Cin7 Core's API v2 is on the web app's host
      `${XERO_API_ORIGIN}/*`,
      `${XERO_IDENTITY_ORIGIN}/*`,
    ],
    ...(browser !== 'firefox' && { key: CHROMIUM_MANIFEST_KEY }),
    ...(browser === 'firefox' && {
      browser_specific_settings: { gecko: { id: 'mapping-guard@mappingguard.app', strict_min_version: '115.0' } },
    }),
  }),
});
