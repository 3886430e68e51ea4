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
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: E2E_BUILD_DIR, sourcemap: false } })
  if (!existsSync(join(E2E_BUILD_DIR, 'index.html'))) throw new Error('the client build produced no index.html')
}
