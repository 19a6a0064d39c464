import { defineConfig } from 'wxt';
import { XERO_API_ORIGIN, XERO_IDENTITY_ORIGIN, appMatchPattern } from './utils/apps';

// The production manifest. E2E tests and the demo load this build unchanged: the sandbox answers on the
// real hostnames (Chromium's host-resolver rules route them to 127.0.0.1).
// Public half of an RSA key: pins the Chromium extension id to kgifakjijaobjokpdplikeiegeobjlem, so the Xero
// redirect URI is always https://kgifakjijaobjokpdplikeiegeobjlem.chromiumapp.org/ (Xero allows no wildcards).
const CHROMIUM_MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAz8gj5Fk8RCL1MU5PfCTarpgA9G9D8OUubcpE9c5T8k/fPrZnin1B3SBFz+19xGZjGarNbbcREhwRoCyo7fuSZpGLqG+yjx06pdlB2aY/8Ite6XM6daTDttN3oU4k0szAkGveKuGb3/Wg6STipt6rJZhpuiPwfSa8IDZ01yFFSBNCisenYdJuIk1fTvr/uwDDy8Gg0zr9qElSn2vwLDQY+16M1USTWIYKrCOGyJJonSaCNoLIm1OhUcnedqdoaJMZykjuKLUtcVRRZuIObhbOKQjz7UtuNJ6N8vg6Ph1KQDTxEi1to67rUl0f+fB7sQRsFN6grPT25xaUgFokw5G/lwIDAQAB';

// Firefox 140 is the first desktop release that reads `data_collection_permissions` (142 on Android); older ones
// would install the add-on without showing the data consent line. 140 is also an ESR, so ESR users are covered
// (README, Publishing: "Minimum Firefox version").
const FIREFOX_MIN_VERSION = '140.0';
const FIREFOX_ANDROID_MIN_VERSION = '142.0';

// What a reviewer needs to rebuild the Firefox upload (`npm ci && npm run build:firefox`), and nothing else: no
// tests, screenshots, sandbox or tooling scripts. Everything is excluded, then these are put back (WXT's
// includeSources wins over excludeSources).
const REVIEWER_SOURCES = [
  'entrypoints/**',
  'components/**',
  'utils/**',
  'public/**',
  'wxt.config.ts',
  'tsconfig.json',
  'eslint.config.js',
  'package.json',
  'package-lock.json',
  'README.md',
];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  zip: {
    excludeSources: ['**'],
    includeSources: REVIEWER_SOURCES,
  },
  hooks: {
    // WXT marks every content-script stylesheet `use_dynamic_url` (a Chromium key); Firefox ignores it and warns on
    // install. Removed from the Firefox manifest only: the Chrome manifest stays as it was.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') return;
      for (const entry of manifest.web_accessible_resources ?? []) {
        if (typeof entry === 'object') delete (entry as { use_dynamic_url?: boolean }).use_dynamic_url;
      }
    },
  },
  manifest: ({ browser }) => ({
    name: 'Mapping Guard for Cin7 Core + Xero',
    description:
      'Checks the Cin7 Core ↔ Xero integration set-up before anything syncs, and shows what to fix inside both apps.',
    // unlimitedStorage: exempts the extension origin's IndexedDB (sealed keys, tokens, snapshots) from eviction under
    // storage pressure, and from the origin quota (README, Security: "Storage"). scripting: the overlay's bundle is
    // injected into an app tab once the tab's small start script has shown the counts (utils/overlay/start-script.ts);
    // no warning of its own, and it reaches only the hosts below.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'identity', 'scripting'],
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
      browser_specific_settings: {
        gecko: {
          id: 'mapping-guard@mappingguard.app',
          strict_min_version: FIREFOX_MIN_VERSION,
          // Firefox's built-in data consent (extensionworkshop.com, "Firefox built-in consent for data collection
          // and transmission", "No data collection"). Nothing reaches us or any third party: the only requests go
          // from the user's browser to Cin7 Core's and Xero's own APIs, with the credentials those services issued
          // to the user, to read the user's own set-up there. Snapshots, keys and tokens stay in the browser.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
      },
    }),
  }),
});
