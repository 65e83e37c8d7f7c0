import { defineConfig } from 'vitest/config';

// Two projects: pure/server/main-process code runs in Node; the renderer runs in jsdom
// with fake-indexeddb standing in for the browser's IndexedDB.
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
    ],
  },
});
