import { WebSocket } from 'ws'
import { Awareness } from 'y-protocols/awareness'
import { type WebsocketProvider } from 'y-websocket'
import { StockProvider } from '../tests/support/stockProvider.ts'
import * as Y from 'yjs'
import { BOARD_ROOTS } from '../shared/doc/roots.ts'

/** Where a swarm connects: y-websocket opens `${serverUrl}/${room}?${params}`. */
export interface Endpoint {
  serverUrl: string
  room: string
  params: Record<string, string>
}

export interface PhaseResult {
  /** Updates sent in the phase. */
  sent: number
  /** One entry per (update, receiving client): send → applied on that client, in ms. */
  latenciesMs: number[]
  /** (update, receiver) pairs that never arrived before the drain timeout. */
  missing: number
  /** With the clients split over processes (RemoteSwarm): CPU of the busiest one over the phase, µs. */
  busiestClientCpuMicros?: number
}

/** What the fan-out benches need of a swarm, whether its clients live here or in other processes. */
export interface Clients {
  readonly drops: number
  run(rate: number, durationMs: number, senders: number): Promise<PhaseResult>
  destroy(): void
}

/**
 * This host's part of a phase when the clients are split over processes: the phase's sequence
 * numbers (the same on every host), whether this host's first clients send, and how many of its
 * clients receive each update (all but a local sender).
 */
export interface Share {
  firstSeq: number
  sends: boolean
  receiversPerUpdate: number
}

/**
 * Milliseconds of the system's monotonic clock: the same clock in every process of the machine,
 * so a send time written in one process is compared with an arrival in another.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6
}

interface Client {
  doc: Y.Doc
  cards: Y.Map<string>
  provider: WebsocketProvider
}

/** Realistic card edits: a short sentence, like retyping a signal's title. */
const TEXTS = ['Heat waves reshape city life', 'Four-day week pilots spread', 'Care robots in home care', 'Local food co-ops grow']
/** Each sender keeps editing this many cards of its own, so the document stays small. */
const CARDS_PER_SENDER = 8

/**
 * N stock y-websocket clients in this process, all in one room. Every update carries its send
 * time (`monotonicMs()`, one clock for every process) in the value, and every receiver records
 * when its map observer saw it: that is "applied on this client".
 */
export class Swarm implements Clients {
  /** Connections dropped during the run; a drop would distort both latency and CPU. */
  drops = 0
  private phase: { firstSeq: number; total: number; latencies: number[]; expected: number; done?: () => void } | undefined
  private nextSeq = 0
  private destroyed = false

  private constructor(private readonly clients: Client[]) {
    for (const client of clients) {
      client.cards.observe((event) => {
        if (event.transaction.local) return
        const now = monotonicMs()
        for (const key of event.keysChanged) this.arrived(client.cards.get(key), now)
      })
      client.provider.on('status', ({ status }) => {
        if (status === 'disconnected' && !this.destroyed) this.drops++
      })
    }
  }

  static async connect(endpoint: Endpoint, count: number, timeoutMs = 60_000): Promise<Swarm> {
    // Every provider in Node adds a process 'exit' listener (removed on destroy): hundreds is expected.
    process.setMaxListeners(process.getMaxListeners() + count)
    const clients = Array.from({ length: count }, () => {
      const doc = new Y.Doc()
      // No local presence: y-websocket then sends no awareness at all (not even the 15 s
      // renewal), so only document updates are measured. Presence is a separate benchmark.
      const awareness = new Awareness(doc)
      awareness.setLocalState(null)
      const provider = new StockProvider(endpoint.serverUrl, endpoint.room, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params: endpoint.params,
        awareness,
        disableBc: true,
      })
      // A root of the board document: the server refuses writes to any other.
      return { doc, cards: doc.getMap<string>(BOARD_ROOTS.signals), provider }
    })
    const swarm = new Swarm(clients)
    const deadline = Date.now() + timeoutMs
    while (!clients.every((c) => c.provider.synced)) {
      if (Date.now() > deadline) {
        swarm.destroy()
        throw new Error(`only ${clients.filter((c) => c.provider.synced).length}/${count} clients synced`)
      }
      await sleep(20)
    }
    return swarm
  }

  /**
   * Sends `rate` updates/s for `durationMs`, round-robin over the first `senders` clients, at
   * fixed times (not "after the previous one"), then waits for every receiver to have them.
   */
  async run(rate: number, durationMs: number, senders: number, share?: Share): Promise<PhaseResult> {
    const total = Math.round((rate * durationMs) / 1000)
    const { firstSeq, sends, receiversPerUpdate } = share ?? { firstSeq: this.nextSeq, sends: true, receiversPerUpdate: this.clients.length - 1 }
    const phase: NonNullable<Swarm['phase']> = { firstSeq, total, latencies: [], expected: total * receiversPerUpdate }
    this.phase = phase
    this.nextSeq = firstSeq + total
    const drained = new Promise<void>((resolve) => (phase.done = resolve))
    const start = performance.now()
    for (let i = 0; sends && i < total; i++) {
      const wait = start + (i * 1000) / rate - performance.now()
      if (wait > 0) await sleep(wait)
      const sender = i % Math.min(senders, this.clients.length)
      const seq = firstSeq + i
      this.clients[sender]!.cards.set(`card-${sender}-${seq % CARDS_PER_SENDER}`, `${seq} ${monotonicMs()} ${TEXTS[seq % TEXTS.length]}`)
    }
    // A host that only receives waits for the sending to end as well.
    const drain = sends ? 5_000 : durationMs + 5_000
    if (phase.latencies.length < phase.expected) await Promise.race([drained, sleep(drain)])
    this.phase = undefined
    return { sent: total, latenciesMs: phase.latencies, missing: phase.expected - phase.latencies.length }
  }

  private arrived(value: string | undefined, now: number): void {
    const phase = this.phase
    if (!phase || value === undefined) return
    const [seq, sentAt] = value.split(' ', 2).map(Number) as [number, number]
    if (seq < phase.firstSeq || seq >= phase.firstSeq + phase.total) return
    phase.latencies.push(now - sentAt)
    if (phase.latencies.length === phase.expected) phase.done?.()
  }

  /** Providers first (closes the sockets), then docs (stops the awareness timers). */
  destroy(): void {
    this.destroyed = true
    process.setMaxListeners(Math.max(10, process.getMaxListeners() - this.clients.length))
    for (const { provider, doc } of this.clients) {
      provider.destroy()
      doc.destroy()
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
