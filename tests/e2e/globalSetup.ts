import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

/**
 * Browser tests run against the production build, served by the real server: built once per
 * test run into its own folder, so `npm start`'s build in dist/client is never touched.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const E2E_BUILD_DIR = join(root, 'dist', 'e2e-client')

export default async function setup(): Promise<void> {
  // Vitest sets NODE_ENV=test, which would make this a development build (React's dev runtime,
  // about 50 KB more gzip and slower): the browser tests must see what `npm start` serves.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: E2E_BUILD_DIR, sourcemap: false } })
  } finally {
    process.env.NODE_ENV = nodeEnv
  }
  if (!existsSync(join(E2E_BUILD_DIR, 'index.html'))) throw new Error('the client build produced no index.html')
}
