import { mkdtempSync, rmSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BOARD_ROOTS } from '../../../shared/doc/roots.ts'
import type { FoldJob, FoldReply, WorkerMessage } from './foldProtocol.ts'
import { buildWorkerBundle, workerBundleIsFresh } from './workerBundle.ts'

/** The prebuilt worker must do exactly what the TypeScript one does, and never run stale. */
const dir = mkdtempSync(join(tmpdir(), 's2s-worker-bundle-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function boardRows(): Uint8Array[] {
  const doc = new Y.Doc()
  const rows: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => rows.push(update))
  for (let i = 0; i < 60; i++) doc.getMap<string>(BOARD_ROOTS.signals).set(`card-${i}`, `Signal ${i}: heat waves reshape city life`)
  doc.destroy()
  return rows
}

/** Runs one fold in a worker started from the bundle, as the load pool would. */
async function foldInBundle(rows: Uint8Array[]): Promise<FoldReply> {
  const worker = new Worker(pathToFileURL(join(dir, 'foldWorker.mjs')))
  try {
    return await new Promise<FoldReply>((resolve, reject) => {
      worker.on('error', reject)
      worker.on('message', (message: WorkerMessage) => {
        if ('thread' in message) {
          const job: FoldJob = { id: 1, kind: 'board', rows, skip: [], progress: new Int32Array(new SharedArrayBuffer(4)) }
          worker.postMessage(job)
        } else if ('state' in message) resolve(message)
      })
    })
  } finally {
    await worker.terminate()
  }
}

describe('the load pool worker bundle', { timeout: 60_000 }, () => {
  it('is not used before it is built', () => {
    expect(workerBundleIsFresh(dir)).toBe(false)
  })

  it('folds a stored board with the guard, leaving out a row that does not decode', async () => {
    await buildWorkerBundle(dir)
    expect(workerBundleIsFresh(dir)).toBe(true)
    const rows = [...boardRows(), new Uint8Array([1, 2, 3, 250, 251, 252])]
    const reply = await foldInBundle(rows)
    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, reply.state)
    expect(loaded.getMap(BOARD_ROOTS.signals).size).toBe(60)
    expect(loaded.getMap(BOARD_ROOTS.signals).get('card-59')).toBe('Signal 59: heat waves reshape city life')
    expect(reply.left.map((left) => left.index)).toEqual([rows.length - 1])
  })

  it('is not used once a source is newer than it (an edited guard never runs as its old copy)', () => {
    // The bundle made long ago: every source is now newer.
    utimesSync(join(dir, 'foldWorker.mjs'), 1, 1)
    expect(workerBundleIsFresh(dir)).toBe(false)
  })
})
