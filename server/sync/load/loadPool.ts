import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import * as Y from 'yjs'
import { addSignal, createWorkshopControl, initBoard } from '../../../shared/doc/index.ts'
import { getTemplate } from '../../../shared/method/templates.ts'
import type { DocKind } from '../../../shared/protocol.ts'
import { threadCpuClock, type ThreadCpuClock } from '../../threadCpu.ts'
import type { Rendered, RenderRequest } from '../../export/render.ts'
import {
  ANSWER_HEADROOM,
  type FoldReply,
  type ImportedFile,
  type ImportReply,
  type LeftOut,
  type PoolJob,
  type RenderReply,
  type RenewReply,
  type WorkerMessage,
} from './foldProtocol.ts'
import { workerEntry } from './workerBundle.ts'

/** What a fold gives back: the state to load, and the rows left out with why. */
export interface Folded {
  state: Uint8Array
  /** A room's load (a kind, no `since`): the state vector of `state`. */
  stateVector?: Uint8Array
  /** With `since`: what it lacks, in slices (see FoldReply). */
  slices?: Uint8Array[]
  left: LeftOut[]
  /** The stored document's contention as the update guard counts it (0 for a compaction's merge of rows of no known kind). */
  contention: number
}

interface FoldTask {
  kind: DocKind | undefined
  rows: Uint8Array[]
  since?: Uint8Array
  skip: LeftOut[]
  resolve(folded: Folded): void
}

interface ImportTask {
  importFile: Uint8Array
  resolve(imported: ImportedFile): void
}

interface RenderTask {
  render: RenderRequest
  resolve(rendered: Rendered): void
}

interface RenewTask {
  renewRows: Uint8Array[]
  resolve(renewed: { previous: Uint8Array; fresh: Uint8Array }): void
}

interface Job {
  id: number
  budgetMs: number
  task: FoldTask | ImportTask | RenderTask | RenewTask
  reject(error: Error): void
}

/** An import file that took more CPU to read than the budget: refused, nothing created. */
export class ImportOverBudgetError extends Error {
  constructor(readonly budgetMs: number) {
    super(`the file took more than ${budgetMs} ms of CPU to read`)
  }
}

/** An export that took more CPU to render than the budget: stopped, the request answered 503. */
export class ExportOverBudgetError extends Error {
  constructor(readonly budgetMs: number) {
    super(`the export took more than ${budgetMs} ms of CPU to render`)
  }
}

interface Slot {
  worker: Worker
  progress: Int32Array
  /** Whether the worker has started (its first message): only then does it take jobs. */
  ready: boolean
  /** The worker thread's own CPU clock, once it has said which thread it is (Linux). */
  clock?: ThreadCpuClock
  job?: Job
  /** When the current job was handed to the worker (wall clock). */
  jobSince: number
  /** The row the job is on, and the worker's clock (CPU where known, else wall) when it began. */
  row: number
  rowSince: number
}

/** How often the watchdog looks at the busy workers. */
const WATCH_MS = 25

/** Rows from this size on go to the worker as a copy of their own, moved (see `movableCopy`). */
const MOVE_ROWS_FROM_BYTES = 64 * 1024

/**
 * A large stored row, copied once into a buffer of its own so that it can be moved to the worker,
 * with `ANSWER_HEADROOM` free before it: a document that is one snapshot row comes back as that
 * same buffer, ready for the first client's answer. Cloned by `postMessage` instead, a 5 MB
 * snapshot cost this thread ~18 ms and the worker as much again, and the worker copied it once
 * more into a buffer with headroom (measured; most of each copy is the first touch of fresh
 * memory). The store's own row is never moved: the caller still reads it, and a journal may hold it.
 */
function movableCopy(row: Uint8Array): Uint8Array {
  if (row.byteLength < MOVE_ROWS_FROM_BYTES) return row
  const copy = new Uint8Array(new ArrayBuffer(ANSWER_HEADROOM + row.byteLength), ANSWER_HEADROOM)
  copy.set(row)
  return copy
}

/** What is sent in place of a row the worker skips. */
const NOTHING = new Uint8Array(0)

/** The message that starts `job` in a worker, and the bytes it moves there rather than copies. */
function jobMessage(job: Job, progress: Int32Array): { message: PoolJob; moved: Uint8Array[] } {
  const { id, task } = job
  if ('importFile' in task) return { message: { id, importFile: task.importFile, progress }, moved: [task.importFile] }
  if ('render' in task) return { message: { id, render: task.render, progress }, moved: [...task.render.board, task.render.control] }
  if ('renewRows' in task) {
    const rows = task.renewRows.map(movableCopy)
    return { message: { id, renewRows: rows, progress }, moved: rows.filter((row, index) => row !== task.renewRows[index]) }
  }
  const skip = task.skip.map((left) => left.index)
  // A row left out (it ran over its budget on the worker stopped for it) is not read again: not sent.
  const rows = task.rows.map((row, index) => (skip.includes(index) ? NOTHING : movableCopy(row)))
  const message = { id, kind: task.kind, rows, since: task.since, skip, progress }
  return { message, moved: rows.filter((row, index) => row !== task.rows[index] && row !== NOTHING) }
}

/** Generous: a warm-up fold takes milliseconds, but it must not be the one stopped on a loaded machine. */
const WARM_UP_BUDGET_MS = 10_000

/** A new workshop's board (with one card) and control document, as stored rows. */
function warmUpRows(): { kind: DocKind; row: Uint8Array }[] {
  const board = new Y.Doc()
  initBoard(board)
  addSignal(board, { title: 'Warm-up' }, { participantId: 'warm-up' })
  const control = new Y.Doc()
  createWorkshopControl(control, { title: 'Warm-up' }, getTemplate('quick-signals'))
  return [
    { kind: 'control', row: Y.encodeStateAsUpdate(control) },
    { kind: 'board', row: Y.encodeStateAsUpdate(board) },
  ]
}

/** A job waits this long for a busy worker before another is started for it. */
const SPAWN_AFTER_MS = 100

/**
 * Loads stored documents off the main thread. A stored log is untrusted (it may hold what an
 * older server let in, or what a bug wrote): applying it could take seconds of CPU per row, and
 * on the main thread that would freeze every workshop on the server, after every restart.
 *
 * A small pool of worker threads (two at most; loads are rare next to messages) applies the rows
 * to a fresh document, with the stored-log guard, and answers with its whole state as one update,
 * which the main thread applies in time linear in the content. A watchdog stops a worker whose
 * current row has used more than the budget of CPU (the worker thread's own clock, so that a
 * loaded machine does not turn a big honest snapshot into a "slow" one; the wall clock where
 * threads cannot be read alone); that row is left out and the fold starts again without it, in a
 * fresh worker. Rows left out are reported to the caller, which keeps them aside (the store's
 * quarantine) and says so in the log.
 *
 * Import files (`readImport`) go through the same pool: reading one is JSON, base64 and Yjs
 * decoding of up to `maxImportBytes` sent by anyone, and a file over the budget is refused whole.
 *
 * One pool per process (`loadPool`), shared by every registry in it: starting a worker costs
 * ~0.3 s of CPU from its prebuilt bundle (0.6–1 s compiling the TypeScript where the bundle is
 * missing or stale; see workerBundle.ts), paid once, ahead of the first load (`warm`).
 */
class LoadPool {
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  /** Exports wait apart: they run one at a time, and only when no load waits (see `renderExport`). */
  private readonly exports: Job[] = []
  private nextId = 1
  private watchdog: NodeJS.Timeout | undefined
  private markStarted: () => void = () => {}
  private readonly started = new Promise<void>((resolve) => (this.markStarted = resolve))

  constructor(private readonly size = Math.min(2, availableParallelism())) {}

  /**
   * Applies `rows` in order; a row using more than `budgetMs` of CPU is left out. Rows are checked
   * with the stored-log guard (and for the roots of `kind` when given).
   * With `since` (a state vector) the answer holds only what that state lacks, in `slices`.
   */
  fold(kind: DocKind | undefined, rows: Uint8Array[], budgetMs: number, since?: Uint8Array): Promise<Folded> {
    return new Promise<Folded>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, budgetMs, task: { kind, rows, since, skip: [], resolve }, reject })
      this.dispatch()
    })
  }

  /**
   * Reads and checks an import file (see `importWorkshop`); rejects with `ImportOverBudgetError`
   * when that takes more than `budgetMs` of CPU. The file's bytes are handed to the worker:
   * moved, not copied (copying 20 MB costs this thread ~20 ms), so the caller must not use them
   * afterwards.
   */
  readImport(bytes: Uint8Array, budgetMs: number): Promise<ImportedFile> {
    // Only a view of a whole buffer can be moved; a small one may share Node's pool and is copied.
    const importFile = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes)
    return new Promise<ImportedFile>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, budgetMs, task: { importFile, resolve }, reject })
      this.dispatch()
    })
  }

  /**
   * Renders an export (server/export/render.ts); rejects with `ExportOverBudgetError` when that
   * takes more than `budgetMs` of CPU. Exports take at most one worker at a time, and only when no
   * load or import is waiting: a join always goes first. The request's bytes are moved to the
   * worker, not copied: the caller passes bytes it owns and must not use them afterwards.
   */
  renderExport(render: RenderRequest, budgetMs: number): Promise<Rendered> {
    const movable = (bytes: Uint8Array) => (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes))
    const request = { ...render, board: render.board.map(movable), control: movable(render.control) }
    return new Promise<Rendered>((resolve, reject) => {
      this.exports.push({ id: this.nextId++, budgetMs, task: { render: request, resolve }, reject })
      this.dispatch()
    })
  }

  /**
   * Folds a board's stored rows and writes its content afresh into a new document
   * (RoomRegistry.renew); rejects when a row does not fold or the work takes more than `budgetMs`
   * of CPU.
   */
  renewBoard(rows: Uint8Array[], budgetMs: number): Promise<{ previous: Uint8Array; fresh: Uint8Array }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, budgetMs, task: { renewRows: rows, resolve }, reject })
      this.dispatch()
    })
  }

  /**
   * Starts a worker now, so that the first load after a start does not wait for one, and has it
   * fold a small board and control document: a thread's first fold compiles its code paths (the
   * guard, Yjs' decoding and apply), and without this the first room opened after a start waited
   * for that (measured at a 5 MB board's cold load: its control document, 25 → 5 ms).
   */
  warm(): void {
    if (this.slots.length > 0) return
    this.spawn()
    for (const { kind, row } of warmUpRows()) void this.fold(kind, [row], WARM_UP_BUDGET_MS).catch(() => {})
  }

  /**
   * Stops every worker, for a command that is done with the pool (`npm run export`): an idle
   * worker's message port keeps a process alive although the worker itself is unreferenced.
   */
  async close(): Promise<void> {
    clearInterval(this.watchdog)
    this.watchdog = undefined
    const slots = this.slots.splice(0)
    for (const slot of slots) slot.clock?.close()
    await Promise.all(slots.map((slot) => slot.worker.terminate()))
  }

  /**
   * Resolves once a worker has started (or failed to: loads then start another). The server does
   * not wait for it (a new workshop needs no worker); the bench does, to tell a document's cold
   * load from the worker's start (~0.3 s of CPU from its bundle).
   */
  ready(): Promise<void> {
    this.warm()
    return this.started
  }

  /**
   * Hands queued jobs to started workers that are free. Most folds take milliseconds, and a worker
   * takes ~0.3 s of CPU to start: a job finding every worker busy starts another only once they
   * have all been busy for `SPAWN_AFTER_MS` (a big board, a poisoned row), and then goes to
   * whichever is free first. (After a restart, each room's load waits for the warm worker's
   * millisecond fold of the one before, not for a new thread.) The watchdog calls this again while
   * jobs wait.
   */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.ready && !s.job)
      if (!slot) {
        const now = performance.now()
        const allLong = this.slots.every((s) => s.ready && now - s.jobSince >= SPAWN_AFTER_MS)
        if (this.slots.length < this.size && allLong) this.spawn()
        return
      }
      this.start(slot, this.queue.shift()!)
    }
    this.dispatchExport()
  }

  /** Starts the next export when no load waits (`dispatch` returns early then) and none is rendering. */
  private dispatchExport(): void {
    if (this.exports.length === 0 || this.slots.some((s) => s.job && 'render' in s.job.task)) return
    const slot = this.slots.find((s) => s.ready && !s.job)
    if (slot) return this.start(slot, this.exports.shift()!)
    const now = performance.now()
    if (this.slots.length < this.size && this.slots.every((s) => s.ready && now - s.jobSince >= SPAWN_AFTER_MS)) this.spawn()
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job
    slot.jobSince = performance.now()
    slot.row = -1
    Atomics.store(slot.progress, 0, -1)
    const { message, moved } = jobMessage(job, slot.progress)
    slot.worker.postMessage(message, [...new Set(moved.map((bytes) => bytes.buffer as ArrayBuffer))])
    this.watchdog ??= setInterval(() => this.watch(), WATCH_MS)
  }

  private spawn(): Slot {
    const worker = new Worker(workerEntry())
    // A pool waiting for work must not keep the process alive.
    worker.unref()
    const slot: Slot = { worker, progress: new Int32Array(new SharedArrayBuffer(4)), ready: false, jobSince: 0, row: -1, rowSince: 0 }
    worker.on('message', (message: WorkerMessage) => {
      if ('thread' in message) {
        slot.clock = message.thread === undefined ? undefined : threadCpuClock(message.thread)
        slot.ready = true
        this.markStarted()
        this.dispatch()
        return
      }
      this.finish(slot, message)
    })
    worker.on('error', (error) => {
      this.markStarted()
      // A worker that could not start: the job it would have taken fails (the load is retried by
      // the next join), rather than starting worker after worker for it.
      if (!slot.ready && !this.slots.some((s) => s !== slot && s.ready)) this.queue.shift()?.reject(error)
      this.replace(slot, (job) => job.reject(error))
    })
    this.slots.push(slot)
    return slot
  }

  private finish(slot: Slot, reply: FoldReply | ImportReply | RenderReply | RenewReply): void {
    const job = slot.job
    if (!job || job.id !== reply.id) return
    slot.job = undefined
    const { task } = job
    if ('imported' in reply) (task as ImportTask).resolve(reply.imported)
    else if ('rendered' in reply) (task as RenderTask).resolve(reply.rendered)
    else if ('renewed' in reply) {
      if (reply.renewed.ok) (task as RenewTask).resolve(reply.renewed)
      else job.reject(new Error(`a stored row of the board did not fold: ${reply.renewed.reason}`))
    } else {
      const fold = task as FoldTask
      const left = [...fold.skip, ...reply.left].sort((a, b) => a.index - b.index)
      fold.resolve({ state: reply.state, stateVector: reply.stateVector, slices: reply.slices, left, contention: reply.contention ?? 0 })
    }
    this.dispatch()
  }

  /** Stops any worker whose current row has run over budget, and retries its job without that row. */
  private watch(): void {
    for (const slot of this.slots) {
      if (!slot.job) continue
      const now = slot.clock?.readMs() ?? performance.now()
      const row = Atomics.load(slot.progress, 0)
      if (row !== slot.row) {
        slot.row = row
        slot.rowSince = now
      } else if (row >= 0 && now - slot.rowSince > slot.job.budgetMs) {
        this.replace(slot, (job) => {
          if ('importFile' in job.task) return job.reject(new ImportOverBudgetError(job.budgetMs))
          if ('render' in job.task) return job.reject(new ExportOverBudgetError(job.budgetMs))
          if ('renewRows' in job.task) return job.reject(new Error(`the board did not rebuild within ${job.budgetMs} ms of CPU`))
          job.task.skip.push({ index: row, reason: `did not load within ${job.budgetMs} ms of CPU` })
          this.queue.unshift(job)
        })
      }
    }
    this.dispatch()
    if (this.slots.every((slot) => !slot.job)) {
      clearInterval(this.watchdog)
      this.watchdog = undefined
    }
  }

  /** Terminates a worker (a stuck one cannot be interrupted otherwise) and hands its job on. */
  private replace(slot: Slot, then: (job: Job) => void): void {
    const job = slot.job
    slot.job = undefined
    this.slots.splice(this.slots.indexOf(slot), 1)
    slot.clock?.close()
    void slot.worker.terminate()
    if (job) then(job)
    this.dispatch()
  }
}

export const loadPool = new LoadPool()
