import { parentPort } from 'node:worker_threads'
import * as Y from 'yjs'
import type { DocKind } from '../../../shared/protocol.ts'
import { checkUpdate } from '../updateGuard.ts'
import { currentThreadId } from '../../threadCpu.ts'
import { STORED_GUARD, type FoldJob, type FoldReply, type LeftOut, type WorkerMessage } from './foldProtocol.ts'

/**
 * Runs inside a worker thread of the load pool (see loadPool.ts): applies a document's stored
 * rows to a fresh Y.Doc and answers with the whole state as one update. Before each row it
 * writes the row's index to the shared progress cell, so that the main thread can tell which
 * row is taking too long and stop this thread.
 */
parentPort!.postMessage({ thread: currentThreadId() } satisfies WorkerMessage)
parentPort!.on('message', (job: FoldJob) => {
  const reply = fold(job)
  parentPort!.postMessage(reply, [reply.state.buffer as ArrayBuffer])
})

function fold({ id, kind, rows, skip, progress }: FoldJob): FoldReply {
  const doc = new Y.Doc({ gc: true })
  const left: LeftOut[] = []
  rows.forEach((row, index) => {
    if (skip.includes(index)) return
    Atomics.store(progress, 0, index)
    const reason = applyRow(doc, kind, row)
    if (reason) left.push({ index, reason })
  })
  Atomics.store(progress, 0, -1)
  const complete = doc.store.pendingStructs === null && doc.store.pendingDs === null
  // A document freshly compacted is one snapshot row: when it loaded whole, it is the state, and
  // encoding 5 MB again would only add ~50 ms to the first client's wait.
  const only = rows.length - skip.length === 1 && left.length === 0 && complete ? rows.find((_, index) => !skip.includes(index)) : undefined
  // Rows waiting for changes that never arrived stay in their rows, not in the state.
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
  const state = only ? only.slice() : Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return { id, state, left }
}

function applyRow(doc: Y.Doc, kind: DocKind, row: Uint8Array): string | undefined {
  try {
    // Logs written before the update guard existed may hold what it now refuses.
    const verdict = checkUpdate(doc, kind, row, STORED_GUARD)
    if (!verdict.ok) return verdict.reason
    Y.applyUpdate(doc, row)
    return undefined
  } catch (error) {
    return `unreadable: ${String(error)}`
  }
}
