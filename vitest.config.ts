// Test projects by where the code runs (see README "How the tests are organised").
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { PREACT_ALIASES, PREACT_JSX } from './preact.config';

const root = import.meta.dirname;

export default defineConfig({
  test: {
    reporters: ['default', resolve(root, 'tests/support/count-reporter.ts')],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/shared/**/*.test.ts', 'tests/core/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // Only the platform adapter and the composition root see `electron`, and here it is the fake.
        resolve: { alias: { electron: resolve(root, 'tests/support/fake-electron.ts') } },
        test: { name: 'platform', environment: 'node', include: ['tests/platform/**/*.test.ts'] },
      },
      {
        // The windows' code on the Preact the app ships (preact.config.ts); `act` comes from preact/test-utils.
        resolve: {
          alias: [{ find: /^react$/, replacement: resolve(root, 'tests/support/react-for-tests.js') }, ...PREACT_ALIASES],
        },
        oxc: PREACT_JSX,
        test: { name: 'renderer', environment: 'jsdom', include: ['tests/renderer/**/*.test.{ts,tsx}'] },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: [resolve(root, 'tests/e2e/global-setup.ts')],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // What a poll waits for is a real write and a real repaint in Chromium on a shared 2-core machine: a busy
          // moment can exceed vitest's 1 s default without anything being wrong (a wrong result still fails).
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: { name: 'electron', environment: 'node', include: ['tests/electron/**/*.test.ts'], testTimeout: 120_000 },
      },
      {
        // electron-builder's config and a `--dir` build with a stand-in Electron (offline): needs out/ built.
        test: { name: 'packaging', environment: 'node', include: ['tests/packaging/**/*.test.ts'], hookTimeout: 180_000 },
      },
    ],
  },
});
