/**
 * The app as people get it: the production build served by the real server, in temporary
 * folders that are removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import type { WorkshopLinks } from '../../shared/api.ts'
import { startServer, type RunningServer } from '../../server/app.ts'
import { defaultConfig } from '../../server/config.ts'
import { silentLogger } from '../../server/log.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface RunningApp {
  server: RunningServer
  url: string
  /** Stops the server and removes the build and the data. */
  close(): Promise<void>
}

/**
 * `vite build` into a temporary folder, then the real server on a free loopback port serving it.
 * `minify: false` keeps function names readable in a CPU profile.
 */
export async function startBuiltApp({ minify = true }: { minify?: boolean } = {}): Promise<RunningApp> {
  const outDir = mkdtempSync(join(tmpdir(), 's2s-board-build-'))
  const dataDir = mkdtempSync(join(tmpdir(), 's2s-board-data-'))
  try {
    // root is given absolutely: the config's `root: 'client'` is relative to the working directory.
    await build({
      configFile: join(root, 'vite.config.ts'),
      root: join(root, 'client'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap: false, minify },
    })
    const server = await startServer(defaultConfig({ port: 0, host: '127.0.0.1', dataDir, staticDir: outDir, logger: silentLogger() }))
    return {
      server,
      url: server.url,
      async close() {
        await server.close()
        rmSync(outDir, { recursive: true, force: true })
        rmSync(dataDir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true })
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
}

export async function createWorkshop(url: string, title = 'Everyday welfare 2040'): Promise<WorkshopLinks> {
  const res = await fetch(`${url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, focalQuestion: 'What will everyday welfare look like in our town in 2040?' }),
  })
  if (res.status !== 201) throw new Error(`creating a workshop answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as WorkshopLinks
}

/** A page link on this server (links from the API carry the host the request came in on). */
export function pageLink(url: string, workshop: WorkshopLinks, role: 'facilitator' | 'participant' | 'screen'): string {
  const path = role === 'facilitator' ? 'facilitate' : role === 'screen' ? 'screen' : 'join'
  return `${url}/w/${workshop.id}/${path}#key=${workshop.keys[role]}`
}
