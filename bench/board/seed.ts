/**
 * Boards for the trends benchmark and for screenshots, written the way a room writes them: a
 * stock y-websocket client in Node calling shared/doc commands against the real server.
 */
import { WebSocket } from 'ws'
import { type WebsocketProvider } from 'y-websocket'
import { StockProvider } from '../../tests/support/stockProvider.ts'
import * as Y from 'yjs'
import { addSignal, createTrend, goToStage, joinAsParticipant, moveSignalToTrend, readControl, type Actor } from '../../shared/doc/index.ts'
import { STEEP_CATEGORIES } from '../../shared/schema/index.ts'
import { randomId } from '../../shared/util/ids.ts'
import { REALISTIC_SIGNALS, REALISTIC_TRENDS } from './fixtures.ts'

export interface SyncedDoc {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Another client of the same document, as the server has it now. */
  reopen(): Promise<SyncedDoc>
  destroy(): void
}

/** Connects one document of a workshop and resolves once it has synced with the server. */
export async function connectDoc(serverUrl: string, workshopId: string, docName: 'board' | 'control', key: string): Promise<SyncedDoc> {
  const doc = new Y.Doc()
  const provider = new StockProvider(`${serverUrl.replace(/^http/, 'ws')}/sync/${workshopId}`, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { key },
    disableBc: true,
  })
  provider.awareness.setLocalState(null)
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${docName} did not sync within 10 s`)), 10_000)
    const done = (synced: boolean) => {
      if (!synced) return
      clearTimeout(timer)
      provider.off('sync', done)
      resolve()
    }
    provider.on('sync', done)
  })
  return {
    doc,
    provider,
    reopen: () => connectDoc(serverUrl, workshopId, docName, key),
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/**
 * Resolves once the server holds every local change. y-websocket has no acknowledgement, so a
 * second client syncs from the server until its state vector matches ours.
 */
export async function flushed(synced: SyncedDoc, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  const want = Y.encodeStateVector(synced.doc)
  for (;;) {
    const probe = await synced.reopen()
    const done = equalBytes(Y.encodeStateVector(probe.doc), want)
    probe.destroy()
    if (done) return
    if (Date.now() > deadline) throw new Error('the server did not receive every change in time')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const equalBytes = (a: Uint8Array, b: Uint8Array) => a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i])

/** Moves the room to its first stage of `kind` (the facilitator's `goToStage`). */
export function goToStageOfKind(control: Y.Doc, kind: string): string {
  const stage = readControl(control).stages.find((s) => s.kind === kind)
  if (!stage) throw new Error(`no ${kind} stage in this workshop`)
  goToStage(control, stage.id)
  return stage.id
}

export interface GeneratedBoard {
  signalIds: string[]
  trendIds: string[]
}

/**
 * A large synthetic board: `signals` cards over all STEEP categories, `trends` named trends,
 * `sortedFraction` of the cards spread evenly over the trends, the rest unsorted. Deterministic.
 */
export function generateBoard(board: Y.Doc, { signals, trends, sortedFraction }: { signals: number; trends: number; sortedFraction: number }): GeneratedBoard {
  const authors: Actor[] = Array.from({ length: 12 }, () => ({ participantId: randomId() }))
  authors.forEach((actor, i) => joinAsParticipant(board, actor, `Participant ${i + 1}`))
  const signalIds = Array.from({ length: signals }, (_, i) =>
    addSignal(
      board,
      {
        title: `${REALISTIC_SIGNALS[i % REALISTIC_SIGNALS.length]!.title} (${i + 1})`,
        category: STEEP_CATEGORIES[i % STEEP_CATEGORIES.length],
        description: 'Seen in the local news and in two pilot projects nearby.',
      },
      authors[i % authors.length]!,
    ),
  )
  const trendIds = Array.from({ length: trends }, (_, i) =>
    createTrend(
      board,
      { name: `${REALISTIC_TRENDS[i % REALISTIC_TRENDS.length]!.name} ${i + 1}`, narrative: REALISTIC_TRENDS[i % REALISTIC_TRENDS.length]!.narrative },
      authors[0]!,
    ),
  )
  const sorted = Math.round(signals * sortedFraction)
  // One transaction per move, as people make them.
  for (let i = 0; i < sorted; i++) moveSignalToTrend(board, signalIds[i]!, null, trendIds[i % trends]!, authors[i % authors.length]!)
  return { signalIds, trendIds }
}
