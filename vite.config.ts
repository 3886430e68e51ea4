import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

/**
 * One config for the SPA build and for vitest.
 * The dev server proxies the API and the sync WebSocket to the Node server
 * (`npm run dev` starts both), so the browser talks to one origin in dev as in production.
 */
const serverPort = Number(process.env.SERVER_PORT ?? 8080)

export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
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
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'tools/**/*.test.ts',
            'shared/**/*.test.ts',
            'server/**/*.test.ts',
            'client/**/*.test.{ts,tsx}',
            'tests/*.test.ts',
            'tests/export/**/*.test.ts',
            'tests/hostile/**/*.test.ts',
          ],
          exclude: ['tests/hostile/**/*.chaos.test.ts', 'node_modules/**'],
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
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          // One production build of the client for all browser tests.
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
})
