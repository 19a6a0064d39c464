import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * One `no-restricted-imports` block per zone: an import whose path has a banned folder as a segment is refused with
 * the zone's reason. Flat config replaces a rule's options per file instead of adding them, so each narrower zone
 * under utils/ also carries the bans of utils/ as a whole (the first zone).
 */
function layerZones([everyUtil, ...narrower]) {
  const patterns = ({ banned, why }) => banned.map((folder) => ({ regex: `(^|/)${folder}(/|$)`, message: why }));
  return [everyUtil, ...narrower].map((zone) => ({
    files: zone.files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(zone !== everyUtil && zone.files.every((file) => file.startsWith('utils/')) ? patterns(everyUtil) : []),
            ...patterns(zone),
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render data as text; never innerHTML (security standard).' },
        { property: 'outerHTML', message: 'Render data as text; never outerHTML.' },
      ],
    },
  },
  // Layers by runtime (README "Architecture"): each zone may import only from the layers below it. Import strings
  // are matched, relative or `@/`, so a move that breaks a layer fails lint without anyone remembering the plan.
  ...layerZones([
    {
      files: ['utils/**/*.{ts,tsx}'],
      banned: ['components', 'entrypoints'],
      why: 'utils/ is below components/ and entrypoints/: move the view or pass it in.',
    },
    {
      files: ['utils/cin7/api/**', 'utils/xero/api/**'],
      banned: ['utils/background', 'background', 'overlay', 'protocol', 'page', 'store'],
      why: 'API clients run in the worker below the background: declare what they need in utils/net.',
    },
    {
      files: ['utils/cin7/page/**', 'utils/xero/page/**', 'utils/overlay/**'],
      banned: ['background', 'api', 'store'],
      why: 'Page code runs in content scripts: no API client, secret or worker state; ask the background by action.',
    },
    {
      files: ['utils/protocol/**'],
      banned: ['background', 'overlay', 'api', 'page', 'store', 'checklist'],
      why: 'The protocol is shared by every context: shapes and envelopes only.',
    },
    {
      files: ['utils/audit/**', 'utils/explain/**', 'utils/schemas/**', 'utils/net/**', 'utils/apps.ts', 'utils/checklist/**', 'utils/scenarios/**'],
      banned: ['background', 'overlay', 'protocol', 'api', 'page', 'store'],
      why: 'Pure layers import nothing above them.',
    },
    {
      files: ['components/**'],
      banned: ['utils/background', 'background', 'api'],
      why: 'Views ask the background through utils/protocol; they never hold an API client or worker state.',
    },
  ]),
  {
    // The audit engine and the sync-error explainer are pure: no browser APIs, no clock, no network.
    files: ['utils/audit/**/*.ts', 'utils/explain/**/*.ts', 'utils/schemas/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'fetch', 'window', 'document', 'browser', 'chrome', 'localStorage'],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Inject the clock.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Inject the clock.' },
      ],
    },
  },
);
