import { defineConfig } from 'vitest/config';

// One run covers every workspace: units beside the code, integration tests on real
// SQLite + HTTP + socket.io on loopback, and the Playwright e2e suite in Chromium.
export default defineConfig({
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['*/src/**/*.test.ts', '*/src/**/*.test.tsx'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['*/test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/tests/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
