import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { DocKind } from '../../../shared/protocol.ts'
import type { FoldJob, FoldReply, LeftOut } from './foldProtocol.ts'

/** What a fold gives back: the state to load, and the rows left out with why. */
export interface Folded {
  state: Uint8Array
  left: LeftOut[]
}

interface Job {
  id: number
  kind: DocKind
  rows: Uint8Array[]
  skip: LeftOut[]
  resolve(folded: Folded): void
  reject(error: Error): void
}

interface Slot {
  worker: Worker
  progress: Int32Array
  job?: Job
  /** The row the job is on and since when (ms, monotonic). */
  row: number
  rowSince: number
}

/** How often the watchdog looks at the busy workers. */
const WATCH_MS = 25

/**
 * Loads stored documents off the main thread. A stored log is untrusted (it may hold what an
 * older server let in, or what a bug wrote): applying it could take seconds of CPU per row, and
 * on the main thread that would freeze every workshop on the server, after every restart.
 *
 * A small pool of worker threads (two at most; loads are rare next to messages) applies the rows
 * to a fresh document and answers with its whole state as one update, which the main thread
 * applies in time linear in the content (the guard has refused what would not be). A watchdog
 * stops a worker whose current row has been running longer than `rowBudgetMs`; that row is left
 * out and the fold starts again without it, in a fresh worker. Rows left out are reported to the
 * caller, which keeps them aside (the store's quarantine) and says so in the log.
 */
export class LoadPool {
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  private nextId = 1
  private watchdog: NodeJS.Timeout | undefined
  private closed = false

  constructor(
    private readonly rowBudgetMs: number,
    private readonly size = Math.min(2, availableParallelism()),
  ) {}

  fold(kind: DocKind, rows: Uint8Array[]): Promise<Folded> {
    if (this.closed) return Promise.reject(new Error('the load pool is closed'))
    return new Promise<Folded>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, kind, rows, skip: [], resolve, reject })
      this.dispatch()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    clearInterval(this.watchdog)
    for (const job of this.queue.splice(0)) job.reject(new Error('the load pool is closed'))
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        slot.job?.reject(new Error('the load pool is closed'))
        return slot.worker.terminate()
      }),
    )
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => !s.job) ?? (this.slots.length < this.size ? this.spawn() : undefined)
      if (!slot) return
      this.start(slot, this.queue.shift()!)
    }
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job
    slot.row = -1
    slot.rowSince = performance.now()
    Atomics.store(slot.progress, 0, -1)
    const message: FoldJob = { id: job.id, kind: job.kind, rows: job.rows, skip: job.skip.map((l) => l.index), progress: slot.progress }
    slot.worker.postMessage(message)
    this.watchdog ??= setInterval(() => this.watch(), WATCH_MS)
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./foldWorkerEntry.mjs', import.meta.url))
    // A pool waiting for work must not keep the process alive.
    worker.unref()
    const slot: Slot = { worker, progress: new Int32Array(new SharedArrayBuffer(4)), row: -1, rowSince: 0 }
    worker.on('message', (reply: FoldReply) => {
      const job = slot.job
      if (!job || job.id !== reply.id) return
      slot.job = undefined
      job.resolve({ state: reply.state, left: [...job.skip, ...reply.left].sort((a, b) => a.index - b.index) })
      this.dispatch()
    })
    worker.on('error', (error) => this.replace(slot, (job) => job.reject(error)))
    this.slots.push(slot)
    return slot
  }

  /** Stops any worker whose current row has run over budget, and retries its job without that row. */
  private watch(): void {
    const now = performance.now()
    for (const slot of this.slots) {
      if (!slot.job) continue
      const row = Atomics.load(slot.progress, 0)
      if (row !== slot.row) {
        slot.row = row
        slot.rowSince = now
      } else if (row >= 0 && now - slot.rowSince > this.rowBudgetMs) {
        this.replace(slot, (job) => {
          job.skip.push({ index: row, reason: `did not load within ${this.rowBudgetMs} ms` })
          this.queue.unshift(job)
        })
      }
    }
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
    void slot.worker.terminate()
    if (job) then(job)
    if (!this.closed) this.dispatch()
  }
}
