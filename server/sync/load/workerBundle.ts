import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * The load pool's worker as plain JavaScript, so that a worker starts without compiling
 * TypeScript: with tsx's hooks a worker thread spends ~0.8 s of CPU before it can load anything
 * (measured: 650–970 ms), with the bundle ~0.3 s, most of it Node's own start. That is the
 * server's "ready to load a document" time after every restart, when a whole class reconnects.
 *
 * Built by `npm install` (the `prepare` script), `npm run build` and `npm start` when stale
 * (`scripts/build-worker.ts`). A bundle older than any of its sources is never used: the pool then
 * starts the TypeScript entry as before, so an edited guard can never run as its old copy.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
export const WORKER_BUNDLE_DIR = join(root, 'dist', 'worker')
const SOURCE = join(root, 'server', 'sync', 'load', 'foldWorker.ts')
const TYPESCRIPT_ENTRY = new URL('./foldWorkerEntry.mjs', import.meta.url)
/** The project's source files in the bundle (relative to the root), written next to it. */
const INPUTS = 'inputs.json'
const ENTRY = 'foldWorker.mjs'

/** Whether the bundle in `dir` exists and is newer than every project source it was built from. */
export function workerBundleIsFresh(dir = WORKER_BUNDLE_DIR): boolean {
  const entry = join(dir, ENTRY)
  const listed = join(dir, INPUTS)
  if (!existsSync(entry) || !existsSync(listed)) return false
  const builtAt = statSync(entry).mtimeMs
  const inputs = JSON.parse(readFileSync(listed, 'utf8')) as string[]
  return inputs.every((input) => existsSync(join(root, input)) && statSync(join(root, input)).mtimeMs <= builtAt)
}

let chosen: URL | undefined

/** What a new worker runs: the bundle when fresh (checked once per process), else the TypeScript. */
export function workerEntry(): URL {
  chosen ??= workerBundleIsFresh() ? pathToFileURL(join(WORKER_BUNDLE_DIR, ENTRY)) : TYPESCRIPT_ENTRY
  return chosen
}

/**
 * Bundles the worker (Yjs and the guard included; the import reader as a chunk of its own, loaded
 * on the first import as in the source) into `dir`, and lists the project sources it holds.
 */
export async function buildWorkerBundle(dir = WORKER_BUNDLE_DIR): Promise<void> {
  const { build } = await import('esbuild')
  rmSync(join(dir, INPUTS), { force: true })
  const result = await build({
    absWorkingDir: root,
    entryPoints: { foldWorker: SOURCE },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
  })
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules'))
  // Written last: a bundle without its list (a build cut short) is not used.
  writeFileSync(join(dir, INPUTS), JSON.stringify(inputs) + '\n')
}
