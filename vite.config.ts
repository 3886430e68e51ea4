import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

/**
 * One config for the SPA build and for vitest.
 * The dev server proxies the API and the sync WebSocket to the Node server
 * (`npm run dev` starts both), so the browser talks to one origin in dev as in production.
 */
const serverPort = Number(process.env.SERVER_PORT ?? 8080)

/** Chromium tests that live beside the integration tests of their feature. */
const BROWSER_OUTSIDE_E2E = ['tests/export/browser.test.ts']

export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // The service worker is its own entry, at a fixed address: a worker's scope is where it lives.
      input: { index: 'client/index.html', sw: 'client/sync/serviceWorker.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
        // React and its runtime in one chunk, whatever the lazy chunks share of it: left to the
        // splitter they came in four pieces (react-dom, jsx-runtime, react, zustand's shallow), each
        // compressed apart, a kilobyte more on every phone's first stage.
        advancedChunks: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|zustand)[\\/]/ }] },
      },
    },
  },
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${serverPort}`,
      '/healthz': `http://127.0.0.1:${serverPort}`,
      // Only workshop sockets: a bare '/sync' would also catch the app's own client/sync/* modules.
      '^/sync/[A-Za-z0-9_-]{22}/': { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
  test: {
    root: '.',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Integration and browser tests start real servers and Chromium: two cores cannot take many at once.
    maxWorkers: 2,
    // `npm test` prints the summary last (so CI's output ends with it): V8's own counters, so the code
    // under test runs unchanged. It costs the unit and integration tests about 12 % more CPU time.
    coverage: {
      reportOnFailure: true,
      provider: 'v8',
      include: ['{shared,server,client,scripts}/**/*.{ts,tsx}'],
      exclude: ['**/*.test.{ts,tsx}', '**/testing/**', '**/testKit.tsx', '**/testRoom.tsx', 'client/public/**'],
      reporter: ['text-summary'],
      reportsDirectory: 'node_modules/.cache/coverage',
    },
    // The projects name what a test starts: `npm test` runs all but chaos (see the README's "Tests").
    projects: [
      {
        extends: true,
        test: {
          // Pure functions, the document model and components in happy-dom: no socket, no disk, no browser.
          name: 'unit',
          include: ['tools/**/*.test.ts', 'shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          // The real server (in-process, or a child to kill), real y-websocket clients, SQLite,
          // PostgreSQL and Redis of their own.
          name: 'integration',
          include: ['tests/*.test.ts', 'tests/export/**/*.test.ts', 'tests/hostile/**/*.test.ts'],
          exclude: [...BROWSER_OUTSIDE_E2E, 'tests/hostile/**/*.chaos.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          // Debian's Chromium against the production build served by the real server.
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts', ...BROWSER_OUTSIDE_E2E],
          // One production build of the client for all browser tests.
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Minutes-long fault, load and fuzz runs: `npm run test:chaos` (CI runs it after npm test).
          name: 'chaos',
          include: ['tests/chaos/**/*.test.ts', 'tests/hostile/**/*.chaos.test.ts'],
          testTimeout: 300_000,
          // The fuzz test measures the heap after a full collection.
          execArgv: ['--expose-gc'],
        },
      },
    ],
  },
})
