import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client'
import type { DocKind, Role } from '../shared/protocol.ts'
import type { Logger } from './log.ts'
import { LeanHistogram } from './leanHistogram.ts'
import { LoopWatch } from './loopWatch.ts'

/** Where a refusal or a close happened: never a key, a token or a draft's name. */
export interface Where {
  workshopId?: string
  kind?: DocKind
  role?: Role
}

/** What the server holds right now, read when someone scrapes (see `Metrics.watch`). */
export interface Holdings {
  /** Private drafts loaded in memory. */
  drafts(): number
  /** Bytes of updates applied to rooms and not yet stored (grows while the store fails). */
  pendingStoreBytes(): number
  /** Bytes queued in sockets towards clients (what the slow-reader limits bound). */
  sendQueueBytes(): number
}

/** Refusals that are routine smoothing, not a person being refused: logged only at debug. */
const ROUTINE = new Set(['presence_coalesced'])
/**
 * The server's account of itself for `GET /metrics` (prom-client, Prometheus' text format) and
 * of what it refused for the log. The hot path bumps plain numbers (`messagesIn++`); prom-client
 * reads them only when someone scrapes. Every refusal passes through `reject`, so each is both
 * counted by reason and logged once with where and why.
 */
export class Metrics {
  connections = 0
  rooms = 0
  messagesIn = 0
  messagesOut = 0
  bytesIn = 0
  bytesOut = 0
  storeFailures = 0
  /** Documents encoded whole to measure their content (RoomRegistry.hasRoomFor). */
  sizeMeasures = 0
  /** Update logs folded into a snapshot. */
  compactions = 0
  /** Another instance's draft change, checked here a moment later (see WorkshopReactions). */
  draftCountChecks = 0
  /** Of those checks, the ones that found the count wrong and wrote it again. */
  draftCountRepairs = 0
  private readonly registry = new Registry()
  private readonly rejected: Counter<'reason'>
  private readonly storeWrite: LeanHistogram
  private readonly fanOut: LeanHistogram
  private readonly load: LeanHistogram
  private readonly presenceDelay: LeanHistogram
  private holdings: Holdings = { drafts: () => 0, pendingStoreBytes: () => 0, sendQueueBytes: () => 0 }

  /**
   * How long the event loop was blocked at worst, in wall-clock time and in main-thread CPU (what
   * the hostile tests assert): what every message's bounded cost is about.
   */
  readonly loop: LoopWatch

  /** `loopWatchMs`: how often the loop watch ticks (see loopWatch.ts; `LOOP_CPU_WATCH_MS`). */
  constructor(
    private readonly logger: Logger,
    loopWatchMs?: number,
  ) {
    this.loop = new LoopWatch(loopWatchMs)
    // Started with the first server, so "since start" means since the process started serving.
    processRegistry()
    const registers = [this.registry]
    gauge(this.registry, 's2s_rooms_open', 'Documents loaded in memory', () => this.rooms)
    gauge(this.registry, 's2s_connections_open', 'Open WebSocket connections', () => this.connections)
    gauge(this.registry, 's2s_drafts_open', 'Private drafts loaded in memory', () => this.holdings.drafts())
    gauge(this.registry, 's2s_pending_store_bytes', 'Bytes of changes applied and not yet stored', () => this.holdings.pendingStoreBytes())
    gauge(this.registry, 's2s_send_queue_bytes', 'Bytes queued in sockets towards clients', () => this.holdings.sendQueueBytes())
    counter(this.registry, 's2s_messages_in_total', 'WebSocket messages received', () => this.messagesIn)
    counter(this.registry, 's2s_messages_out_total', 'WebSocket messages sent', () => this.messagesOut)
    counter(this.registry, 's2s_bytes_in_total', 'Bytes received in WebSocket messages', () => this.bytesIn)
    counter(this.registry, 's2s_bytes_out_total', 'Bytes sent in WebSocket messages', () => this.bytesOut)
    counter(this.registry, 's2s_store_failures_total', 'Store writes that failed', () => this.storeFailures)
    counter(this.registry, 's2s_compactions_total', "Documents' update logs folded into a snapshot", () => this.compactions)
    counter(this.registry, 's2s_size_measures_total', 'Documents encoded whole to measure their content against the size limit', () => this.sizeMeasures)
    counter(this.registry, 's2s_draft_count_checks_total', "Private card counts checked after another instance's change", () => this.draftCountChecks)
    counter(this.registry, 's2s_draft_count_repairs_total', 'Private card counts those checks found wrong and wrote again', () => this.draftCountRepairs)
    this.rejected = new Counter({ name: 's2s_rejected_messages_total', help: 'Messages and connections refused, by reason', labelNames: ['reason'], registers })
    // Most are taken on every update: lean histograms (see leanHistogram.ts).
    this.storeWrite = new LeanHistogram(
      's2s_store_write_seconds',
      'Time to write one batch of updates (every room changed in one event-loop turn) to the store',
      [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      this.registry,
    )
    this.fanOut = new LeanHistogram(
      's2s_fanout_seconds',
      'Time to send one stored batch of a room to its peers (and to other instances)',
      [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1],
      this.registry,
    )
    this.presenceDelay = new LeanHistogram(
      's2s_presence_delay_seconds',
      'Time from receiving a presence change to sending it to the room (batching and waiting for the event loop)',
      [0.001, 0.0025, 0.005, 0.01, 0.02, 0.03, 0.04, 0.05, 0.075, 0.1, 0.25, 0.5, 1],
      this.registry,
    )
    gauge(this.registry, 's2s_event_loop_delay_max_seconds', 'Longest event-loop delay since start', () => this.loop.maxDelayMs / 1000)
    gauge(
      this.registry,
      's2s_event_loop_task_cpu_max_seconds',
      'Most main-thread CPU one busy stretch of the event loop (a turn, or turns with no wait between) used since start',
      () => this.loop.longestCpuMs / 1000,
    )
    this.load = new LeanHistogram(
      's2s_room_load_seconds',
      'Time to load one document from the store into memory',
      [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      this.registry,
    )
  }

  /** Tells the gauges where to read what the server holds (set once its parts exist). */
  watch(holdings: Partial<Holdings>): void {
    this.holdings = { ...this.holdings, ...holdings }
  }

  /** Stops this server's clock (the server closes). */
  close(): void {
    this.loop.stop()
  }

  /**
   * Counts a refusal by reason and logs it once: level, workshop, document kind, role, reason,
   * the close code or HTTP status it was answered with, and the words the client was given.
   */
  reject(reason: string, where: Where = {}, answer: { code?: number; status?: number; detail?: string } = {}): void {
    this.rejected.inc({ reason })
    const level = ROUTINE.has(reason) ? 'debug' : 'warn'
    if (!this.logger.isLevelEnabled(level)) return
    this.logger[level]({ workshop: where.workshopId, doc: where.kind, role: where.role, reason, ...answer }, `refused: ${reason}`)
  }

  /** Logs a connection the server closed for a reason that is not a refusal (see `reject`). */
  closed(where: Where, code: number, reason: string, level: 'info' | 'debug' = 'info'): void {
    this.logger[level]({ workshop: where.workshopId, doc: where.kind, role: where.role, code, reason }, 'connection closed')
  }

  recordStoreWrite(seconds: number): void {
    this.storeWrite.observe(seconds)
  }

  recordFanOut(seconds: number): void {
    this.fanOut.observe(seconds)
  }

  recordPresenceDelay(seconds: number): void {
    this.presenceDelay.observe(seconds)
  }

  recordLoad(seconds: number): void {
    this.load.observe(seconds)
  }

  /** The Prometheus text: this server's series, then the process' own (heap, CPU, event loop). */
  async render(): Promise<string> {
    return (await processRegistry().metrics()) + (await this.registry.metrics())
  }

  readonly contentType = Registry.PROMETHEUS_CONTENT_TYPE
}

let processMetrics: Registry | undefined

/**
 * Process-wide series, made once however many servers a process runs (tests run dozens): the
 * default metrics (heap, CPU, handles, GC, `nodejs_eventloop_lag_*` since the last scrape) and
 * nothing else: the per-server loop watches are in `Metrics`.
 */
function processRegistry(): Registry {
  if (processMetrics) return processMetrics
  const registry = new Registry()
  // Its sampler wakes the process at every sample, as the loop watch's tick does: prom-client's
  // 10 ms wakes an idle server a hundred times a second, and the two at ten a second each cost
  // about an eighth of the server's CPU in a room of 10 (issue 16). A sample a second still gives
  // the delay's spread.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 1_000 })
  processMetrics = registry
  return registry
}

function gauge(registry: Registry, name: string, help: string, read: () => number): void {
  new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      this.set(read())
    },
  })
}

/** A counter over a plain number the hot path increments: each scrape adds what grew since the last. */
function counter(registry: Registry, name: string, help: string, read: () => number): void {
  let reported = 0
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      const now = read()
      this.inc(now - reported)
      reported = now
    },
  })
}
