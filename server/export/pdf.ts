import type { Logger } from '../log.ts'
import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'

/** Where Debian puts Chromium, unless `CHROMIUM_PATH` says otherwise (read at each use: the PDF export, browser tests and bench). */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Flags that keep Chromium from reaching for the network at every start (PDF export, browser tests, bench). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Renders running at once; each holds a page in Chromium, so a burst of requests queues. */
const MAX_CONCURRENT = 2
const RENDER_TIMEOUT_MS = 30_000

/** PDF export cannot work on this machine (no Chromium, no playwright-core); the API answers 501. */
export class PdfUnavailableError extends Error {}

export interface PdfRendererOptions {
  /** Default: `CHROMIUM_PATH`, else `/usr/bin/chromium`. */
  readonly executablePath?: string
  readonly logger?: Logger
}

/**
 * Prints the HTML report to an A4 PDF with Chromium. One browser is started on the first
 * request and reused (starting Chromium takes about a second); each render gets its own
 * context with JavaScript off and every network request refused, on top of the report's own
 * Content-Security-Policy. `close()` belongs in the server's shutdown.
 *
 * playwright-core is loaded only when a PDF is asked for, so a server installed without it
 * still runs and answers 501 for PDF alone.
 *
 * @example
 * const pdf = new PdfRenderer()
 * const bytes = await pdf.render(exportHtml(snapshot, options))
 * await pdf.close()
 */
export class PdfRenderer {
  private browser: Promise<Browser> | null = null
  private closed = false
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly options: PdfRendererOptions = {}) {}

  get executablePath(): string {
    return this.options.executablePath ?? chromiumPath()
  }

  /** Whether a PDF can be made here (Chromium present, playwright-core installed), without starting a browser. */
  async available(): Promise<boolean> {
    if (this.closed || !existsSync(this.executablePath)) return false
    try {
      await import('playwright-core')
      return true
    } catch {
      return false
    }
  }

  /**
   * Prints `html`; when `signal` aborts, the page is closed and the render fails (a render over
   * budget). `timeoutMs` bounds loading the page (default 30 s): the caller's budget, when it has one.
   */
  async render(html: string, signal?: AbortSignal, timeoutMs = RENDER_TIMEOUT_MS): Promise<Buffer> {
    if (this.closed) throw new PdfUnavailableError('the server is shutting down')
    await this.acquire()
    try {
      signal?.throwIfAborted()
      const browser = await this.launch()
      const context = await browser.newContext({ javaScriptEnabled: false })
      const stop = () => void context.close().catch(() => {})
      signal?.addEventListener('abort', stop)
      try {
        await context.route('**/*', (route) => route.abort())
        const page = await context.newPage()
        await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs })
        // preferCSSPageSize: the report's @page rule sets A4 and its margins.
        return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
      } finally {
        signal?.removeEventListener('abort', stop)
        await context.close().catch(() => {})
      }
    } finally {
      this.release()
    }
  }

  /** Closes the browser, if one was started. Later renders are refused. */
  async close(): Promise<void> {
    this.closed = true
    const starting = this.browser
    this.browser = null
    const browser = await starting?.catch(() => null)
    await browser?.close().catch(() => {})
  }

  private launch(): Promise<Browser> {
    if (this.browser) return this.browser
    const path = this.executablePath
    if (!existsSync(path)) {
      return Promise.reject(
        new PdfUnavailableError(`PDF export needs Chromium, and there is none at ${path}; install it (apt-get install chromium) or set CHROMIUM_PATH`),
      )
    }
    const starting = (async () => {
      let chromium: typeof import('playwright-core').chromium
      try {
        ;({ chromium } = await import('playwright-core'))
      } catch {
        throw new PdfUnavailableError('PDF export needs the playwright-core package, which is not installed')
      }
      try {
        const browser = await chromium.launch({ executablePath: path, args: CHROMIUM_ARGS })
        // A crashed browser is started again on the next request.
        browser.on('disconnected', () => {
          if (this.browser === starting) this.browser = null
        })
        if (this.closed) await browser.close()
        return browser
      } catch (error) {
        throw new PdfUnavailableError(`Chromium at ${path} could not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
      }
    })()
    this.browser = starting
    // A failed start is not remembered: the next request tries again.
    starting.catch((error: unknown) => {
      if (this.browser === starting) this.browser = null
      this.options.logger?.error({ err: error }, 'PDF renderer failed')
    })
    return starting
  }

  private async acquire(): Promise<void> {
    if (this.running < MAX_CONCURRENT) {
      this.running++
      return
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve))
  }

  private release(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.running--
  }
}
