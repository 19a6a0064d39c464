import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
  {
    // The audit engine is pure: no browser APIs, no clock, no network.
    files: ['utils/audit/**/*.ts', 'utils/schemas/**/*.ts'],
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
