import { defineConfig } from 'vitest/config';

// Three projects: pure/server/main-process code runs in Node; the renderer runs in jsdom
// with fake-indexeddb standing in for the browser's IndexedDB; end-to-end runs the real server and the
// built console in headless Chromium (one file at a time: each starts a server and browsers).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          // The sync engine runs against a real server in process, so its tests live in Node too.
          include: ['tests/shared/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/electron/**/*.test.ts', 'tests/tooling/**/*.test.ts', 'tests/renderer/sync/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          exclude: ['tests/renderer/sync/**'],
          setupFiles: ['tests/renderer/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // What a user waits for in a real browser on a busy machine: seconds, not vitest's default one.
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
    ],
  },
});
