import { defineConfig } from 'vitest/config';
import { reporting } from './tests/reporters';

// End-to-end tests: real Chromium with the production build, against the sandbox. Node environment (Playwright
// drives the browser from here); one file at a time, since each launches a browser on a 2-core machine.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['./tests/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    ...reporting('e2e'),
  },
});
