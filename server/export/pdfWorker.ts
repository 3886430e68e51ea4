import { parentPort } from 'node:worker_threads'
import { PdfRenderer, PdfUnavailableError } from './pdf.ts'
import type { PdfReply, PdfRequest } from './pdfThread.ts'

/**
 * Runs in the PDF thread (see pdfThread.ts): owns the one Chromium and prints each HTML report
 * it is sent. Playwright's protocol traffic with the browser (the page's 7 MB of HTML going in,
 * the PDF coming out, in JSON) is parsed and built here, not on the server's main thread.
 */
const renderer = new PdfRenderer()
const running = new Map<number, AbortController>()

parentPort!.on('message', (request: PdfRequest) => {
  if ('close' in request) {
    for (const controller of running.values()) controller.abort()
    void renderer.close().then(() => parentPort!.postMessage({ closed: true } satisfies PdfReply))
    return
  }
  if ('cancel' in request) {
    running.get(request.cancel)?.abort()
    return
  }
  const controller = new AbortController()
  running.set(request.id, controller)
  renderer
    .render(new TextDecoder().decode(request.html), controller.signal, request.budgetMs)
    .then(
      (pdf) => {
        // A view of Node's buffer pool cannot be moved; a PDF of any size has its own buffer.
        const bytes = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? new Uint8Array(pdf.buffer) : new Uint8Array(pdf)
        parentPort!.postMessage({ id: request.id, pdf: bytes } satisfies PdfReply, [bytes.buffer as ArrayBuffer])
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message.split('\n')[0]! : String(error)
        parentPort!.postMessage({ id: request.id, error: message, unavailable: error instanceof PdfUnavailableError } satisfies PdfReply)
      },
    )
    .finally(() => running.delete(request.id))
})
