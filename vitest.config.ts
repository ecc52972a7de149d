import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two projects: fast unit/component tests (fake browser, DOM), and end-to-end tests that drive
// the built extension in a real Chromium (one file at a time: each starts its own browser).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          environment: 'node',
          // The CLI prints in the terminal's language; the tests that start it read its English.
          env: { LC_ALL: 'C' },
          // Some unit tests start the CLI as a user would (a process each): on a loaded 2-core
          // machine one such start can take seconds, which is not what these tests measure.
          testTimeout: 30_000,
        },
      },
      {
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          env: { LC_ALL: 'C' },
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
