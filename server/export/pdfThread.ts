import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { Logger } from '../log.ts'
import { chromiumPath, PdfUnavailableError } from './pdf.ts'

/** Messages to the PDF thread: print a report (its HTML as UTF-8), stop one, or close the browser. */
export type PdfRequest = { id: number; html: Uint8Array; budgetMs: number } | { cancel: number } | { close: true }
export type PdfReply = { id: number; pdf: Uint8Array } | { id: number; error: string; unavailable: boolean } | { closed: true }

/** A PDF that took longer than its budget to print: stopped, the request answered 503. */
export class PdfOverBudgetError extends Error {
  constructor(readonly budgetMs: number) {
    super(`the PDF took more than ${budgetMs} ms to print`)
  }
}

interface Waiting {
  resolve(pdf: Buffer): void
  reject(error: Error): void
}

/**
 * The PDF renderer (pdf.ts) in a worker thread of its own, started on the first PDF and kept: it
 * owns the browser. Driving Chromium from the main thread cost it the protocol traffic of every
 * page (the whole HTML report sent, the whole PDF received, as JSON and base64); here the main
 * thread only moves the HTML's bytes in and the PDF's bytes out, without copying either.
 *
 * A print that takes longer than its budget (wall clock: the work is Chromium's, in another
 * process) is stopped, its page closed, and the caller gets `PdfOverBudgetError`.
 *
 * @example
 * const pdf = new PdfThread({ logger })
 * const bytes = await pdf.render(htmlBytes, 30_000)
 * await pdf.close()
 */
export class PdfThread {
  private worker: Worker | undefined
  private readonly waiting = new Map<number, Waiting>()
  private nextId = 1
  private closed = false

  constructor(private readonly options: { logger?: Logger } = {}) {}

  /** Whether a PDF can be made here (Chromium present, playwright-core installed), without loading either. */
  available(): Promise<boolean> {
    if (this.closed || !existsSync(chromiumPath())) return Promise.resolve(false)
    try {
      createRequire(import.meta.url).resolve('playwright-core')
      return Promise.resolve(true)
    } catch {
      return Promise.resolve(false)
    }
  }

  /** Prints the HTML report (moved to the thread: the caller must not use `html` afterwards). */
  render(html: Uint8Array, budgetMs: number): Promise<Buffer> {
    if (this.closed) return Promise.reject(new PdfUnavailableError('the server is shutting down'))
    const worker = this.start()
    const id = this.nextId++
    const movable = html.byteOffset === 0 && html.byteLength === html.buffer.byteLength ? html : new Uint8Array(html)
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.postMessage({ cancel: id } satisfies PdfRequest)
        settle(() => reject(new PdfOverBudgetError(budgetMs)))
      }, budgetMs)
      const settle = (then: () => void) => {
        clearTimeout(timer)
        if (!this.waiting.delete(id)) return
        if (this.waiting.size === 0) worker.unref()
        then()
      }
      this.waiting.set(id, { resolve: (pdf) => settle(() => resolve(pdf)), reject: (error) => settle(() => reject(error)) })
      // A print in progress keeps the process alive, as any pending request does; an idle thread does not.
      worker.ref()
      worker.postMessage({ id, html: movable, budgetMs } satisfies PdfRequest, [movable.buffer as ArrayBuffer])
    })
  }

  /** Closes the browser and ends the thread. Later renders are refused. */
  async close(): Promise<void> {
    this.closed = true
    const worker = this.worker
    if (!worker) return
    const closed = new Promise<void>((resolve) => {
      worker.on('message', (reply: PdfReply) => 'closed' in reply && resolve())
      worker.once('exit', () => resolve())
    })
    // Closing the browser is waited for, so the thread holds the process until it has.
    worker.ref()
    worker.postMessage({ close: true } satisfies PdfRequest)
    await closed
    await worker.terminate()
    this.worker = undefined
  }

  private start(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(new URL('./pdfWorkerEntry.mjs', import.meta.url))
    worker.on('message', (reply: PdfReply) => {
      if ('closed' in reply) return
      const waiting = this.waiting.get(reply.id)
      if (!waiting) return
      if ('pdf' in reply) waiting.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength))
      else waiting.reject(reply.unavailable ? new PdfUnavailableError(reply.error) : new Error(reply.error))
    })
    // A thread that died (a crash in the browser's driver) fails what it held; the next PDF starts another.
    worker.on('error', (error) => {
      this.options.logger?.error({ err: error }, 'PDF thread failed')
      this.fail(worker, error)
    })
    worker.on('exit', () => this.fail(worker, new PdfUnavailableError('the PDF thread stopped')))
    this.worker = worker
    return worker
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return
    this.worker = undefined
    for (const waiting of [...this.waiting.values()]) waiting.reject(error)
  }
}
