import { parentPort } from 'node:worker_threads'
import * as Y from 'yjs'
import { BOARD_DOC, CONTROL_DOC, docKindOf, type DocKind } from '../../../shared/protocol.ts'
import { checkUpdate } from '../updateGuard.ts'
import { slicesSince } from '../../cluster/catchUp.ts'
import { currentThreadId } from '../../threadCpu.ts'
import type { packSnapshot } from '../../workshops/historySnapshot.ts'
import {
  ANSWER_HEADROOM,
  IMPORTED_GUARD,
  STORED_GUARD,
  type FoldJob,
  type FoldReply,
  type ImportedFile,
  type ImportJob,
  type ImportReply,
  type LeftOut,
  type PoolJob,
  type RenderJob,
  type RenewJob,
  type RenewReply,
  type RenderReply,
  type WorkerMessage,
} from './foldProtocol.ts'
import { newDoc } from '../../../shared/doc/newDoc.ts'
import { restoreDoc } from '../../../shared/doc/restore.ts'

/**
 * Runs inside a worker thread of the load pool (see loadPool.ts): applies a document's stored
 * rows to a fresh Y.Doc and answers with the whole state as one update. Before each row it
 * writes the row's index to the shared progress cell, so that the main thread can tell which
 * row is taking too long and stop this thread.
 */
parentPort!.postMessage({ thread: currentThreadId() } satisfies WorkerMessage)
parentPort!.on('message', (job: PoolJob) => {
  if ('importFile' in job) {
    void readImport(job).then((reply) => {
      const { imported } = reply
      const bytes = imported.ok ? [imported.board, imported.control, ...imported.history.docs.values()] : []
      parentPort!.postMessage(reply, [...new Set(bytes.map((data) => data.buffer as ArrayBuffer))])
    })
    return
  }
  if ('render' in job) {
    void renderExport(job).then((reply) => parentPort!.postMessage(reply, [reply.rendered.bytes.buffer as ArrayBuffer]))
    return
  }
  if ('renewRows' in job) {
    const reply = renew(job)
    parentPort!.postMessage(reply, reply.renewed.ok ? [reply.renewed.previous.buffer as ArrayBuffer, reply.renewed.fresh.buffer as ArrayBuffer] : [])
    return
  }
  const reply = fold(job)
  // Moved, not copied: the main thread's copy of 5 MB would delay the first client's answer.
  const moved = [reply.state, ...(reply.stateVector ? [reply.stateVector] : []), ...(reply.slices ?? [])]
  parentPort!.postMessage(
    reply,
    moved.map((bytes) => bytes.buffer as ArrayBuffer),
  )
})

function fold({ id, kind, rows, skip, progress, since }: FoldJob): FoldReply {
  const doc = newDoc({ gc: true })
  const left: LeftOut[] = []
  let contention = 0
  rows.forEach((row, index) => {
    if (skip.includes(index)) return
    Atomics.store(progress, 0, index)
    const applied = applyRow(doc, kind, row)
    if (typeof applied === 'string') left.push({ index, reason: applied })
    else contention += applied
  })
  Atomics.store(progress, 0, -1)
  const complete = doc.store.pendingStructs === null && doc.store.pendingDs === null
  // A document freshly compacted is one snapshot row: when it loaded whole, it is the state, and
  // encoding 5 MB again would only add ~50 ms to the first client's wait.
  const only = rows.length - skip.length === 1 && left.length === 0 && complete ? rows.find((_, index) => !skip.includes(index)) : undefined
  // Rows waiting for changes that never arrived stay in their rows, not in the state.
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
  // A catch-up asks only for what the room lacks, in slices the room applies a few at a time.
  if (since) {
    const slices = slicesSince(doc, since)
    doc.destroy()
    return { id, state: new Uint8Array([0, 0]), slices, left, contention }
  }
  const encoded = only ?? Y.encodeStateAsUpdate(doc)
  // A room's load: the state goes to the first client as it is, framed in the headroom left here
  // (one copy on this thread instead of one on the main thread), or already left before a large
  // row by the pool (`movableCopy`), whose buffer is then moved back. A compaction's merge is stored.
  const state = kind ? (encoded === only && leftRoomBefore(only) ? only : withHeadroom(encoded)) : only ? only.slice() : encoded
  const stateVector = kind ? Y.encodeStateVector(doc) : undefined
  doc.destroy()
  return { id, state, stateVector, left, contention }
}

/** Whether the pool copied this row with `ANSWER_HEADROOM` before it, alone in its buffer (`movableCopy`). */
function leftRoomBefore(row: Uint8Array): boolean {
  return row.byteOffset === ANSWER_HEADROOM && row.buffer.byteLength === ANSWER_HEADROOM + row.byteLength
}

/** `bytes` copied to offset ANSWER_HEADROOM of a buffer of their own. */
function withHeadroom(bytes: Uint8Array): Uint8Array {
  const state = new Uint8Array(new ArrayBuffer(ANSWER_HEADROOM + bytes.byteLength), ANSWER_HEADROOM)
  state.set(bytes)
  return state
}

/**
 * Reads an import file: JSON, base64 and Yjs decoding of a file of up to 20 MB from anyone, which
 * on the main thread would stop every workshop for as long as it takes. Everything the import
 * stores is made here too: the documents' states (checked with the stored-log guard, so that the
 * rooms load them later) and the first history snapshot, packed; the main thread only writes
 * them. The reader is loaded on the first import, so that workers that only load documents start
 * as fast as before.
 */
async function readImport({ id, importFile, progress }: ImportJob): Promise<ImportReply> {
  const [{ importWorkshop }, { packSnapshot }] = await Promise.all([
    import('../../../shared/export/importWorkshop.ts'),
    import('../../workshops/historySnapshot.ts'),
  ])
  // The budget counts the file's reading, not the reader's first compilation.
  Atomics.store(progress, 0, 0)
  const result = importWorkshop(new TextDecoder().decode(importFile))
  const imported: ImportedFile = result.ok ? toStore(result.workshop, packSnapshot) : { ok: false, code: result.code, message: result.message }
  Atomics.store(progress, 0, -1)
  return { id, imported }
}

/**
 * The imported documents as they will be stored. Each state is checked now, with the stored-log
 * guard and the live guard's count of contested positions (`IMPORTED_GUARD`): a document the
 * room could not load later, or only in one long apply, is refused, not imported.
 */
function toStore(workshop: { title: string; board: Y.Doc; control: Y.Doc }, pack: typeof packSnapshot): ImportedFile {
  const states = new Map([
    [BOARD_DOC, Y.encodeStateAsUpdate(workshop.board)],
    [CONTROL_DOC, Y.encodeStateAsUpdate(workshop.control)],
  ])
  for (const [name, state] of states) {
    const verdict = checkUpdate(new Y.Doc(), docKindOf(name)!, state, IMPORTED_GUARD)
    if (!verdict.ok) return { ok: false, code: 'badDocument', message: `the ${name} document cannot be imported: ${verdict.reason}` }
  }
  return { ok: true, title: workshop.title, board: states.get(BOARD_DOC)!, control: states.get(CONTROL_DOC)!, history: pack(states, workshop.board) }
}

/** Renders an export (server/export/render.ts, loaded on the first export like the import reader). */
async function renderExport({ id, render, progress }: RenderJob): Promise<RenderReply> {
  const { renderExport: renderFile } = await import('../../export/render.ts')
  // The budget counts the render, not the renderer's first load.
  Atomics.store(progress, 0, 0)
  const rendered = renderFile(render)
  Atomics.store(progress, 0, -1)
  return { id, rendered }
}

/** Folds a board's stored rows, then writes its content into a new document (shared/doc `restoreDoc`). */
function renew({ id, renewRows, progress }: RenewJob): RenewReply {
  Atomics.store(progress, 0, 0)
  const doc = newDoc({ gc: true })
  const fresh = newDoc()
  try {
    for (const row of renewRows) {
      const verdict = applyRow(doc, 'board', row)
      if (typeof verdict === 'string') return { id, renewed: { ok: false, reason: verdict } }
    }
    restoreDoc(fresh, doc)
    return { id, renewed: { ok: true, previous: Y.encodeStateAsUpdate(doc), fresh: Y.encodeStateAsUpdate(fresh) } }
  } finally {
    Atomics.store(progress, 0, -1)
    doc.destroy()
    fresh.destroy()
  }
}

/** Applies one stored row: the contention it adds (see `maxContention`), or why it was left out. */
function applyRow(doc: Y.Doc, kind: DocKind | undefined, row: Uint8Array): number | string {
  try {
    // Logs written before the update guard existed may hold what it now refuses.
    const verdict = checkUpdate(doc, kind, row, STORED_GUARD)
    if (!verdict.ok) return verdict.reason
    Y.applyUpdate(doc, row)
    return verdict.contention
  } catch (error) {
    return `unreadable: ${String(error)}`
  }
}
