import { defineConfig } from 'vitest/config';
import { reporting } from './tests/reporters';

// The Firefox smoke test: real Firefox ESR with the production Firefox build as a temporary add-on, against the
// sandbox. Node environment (puppeteer-core drives Firefox over WebDriver BiDi); one browser for the whole file.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.firefox.ts'],
    environment: 'node',
    globalSetup: ['./tests/firefox/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    ...reporting('firefox'),
  },
});
