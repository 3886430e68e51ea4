/**
 * Puts a workshop where a browser test needs it, over the real protocol with stock clients:
 * signals on the board, the room on a given stage.
 */
import { addSignal, goToStage, joinAsParticipant, readBoard, readControl, requestReveal, setPrivateMode, type Actor } from '../../../shared/doc/index.ts'
import type * as Y from 'yjs'
import type { WorkshopLinks } from '../../../shared/api.ts'
import type { StageKind } from '../../../shared/schema/index.ts'
import { connectClient, synced, type TestClient } from '../../support/clients.ts'
import { createWorkshop, waitFor } from '../../support/server.ts'

export interface SeedSignal {
  title: string
  description?: string
}

/** Adds the signals as one participant ("Ben" unless named); returns their ids in order. */
export async function seedSignals(
  wsUrl: string,
  links: WorkshopLinks,
  signals: readonly SeedSignal[],
  author: Actor = { participantId: 'BenBenBenBenBenBenBen1' },
  name = 'Ben',
): Promise<string[]> {
  // The author's records (name) come with the facilitator's key, which may write anyone's.
  const client = connectClient(wsUrl, links.id, 'board', { key: links.keys.facilitator, ext: '1' })
  try {
    await synced(client)
    joinAsParticipant(client.doc, author, name)
    const ids = signals.map((signal) => addSignal(client.doc, signal, author))
    await stored(wsUrl, links, 'board', (doc) => ids.every((id) => readBoard(doc).signals.has(id)))
    return ids
  } finally {
    client.destroy()
  }
}

/** A test's own workshop, with the facilitator's board and control documents live on it. */
export interface FacilitatedWorkshop {
  links: WorkshopLinks
  board: TestClient
  control: TestClient
  /** The id of the first stage of `kind`. */
  stageId(kind: StageKind): string
  close(): void
}

/**
 * Creates a workshop and opens its board and control with the facilitator's key, synced.
 * `workshop`: fields of the workshop to set other than the defaults (a Finnish one: `language: 'fi'`).
 */
export async function facilitatedWorkshop(server: { url: string; wsUrl: string }, workshop: Record<string, unknown> = {}): Promise<FacilitatedWorkshop> {
  const links = await createWorkshop(server.url, {
    title: 'Everyday welfare 2040',
    focalQuestion: 'What will everyday welfare look like?',
    horizonYear: 2040,
    ...workshop,
  })
  const board = connectClient(server.wsUrl, links.id, 'board', { key: links.keys.facilitator })
  const control = connectClient(server.wsUrl, links.id, 'control', { key: links.keys.facilitator })
  await synced(board, control)
  return {
    links,
    board,
    control,
    stageId: (kind) => readControl(control.doc).stages.find((stage) => stage.kind === kind)!.id,
    close: () => [board, control].forEach((client) => client.destroy()),
  }
}

/** Moves the room to the first stage of `kind`, as the facilitator. */
export async function goToStageKind(wsUrl: string, links: WorkshopLinks, kind: StageKind): Promise<void> {
  const client = connectClient(wsUrl, links.id, 'control', { key: links.keys.facilitator, ext: '1' })
  try {
    await synced(client)
    const stage = readControl(client.doc).stages.find((s) => s.kind === kind)
    if (!stage) throw new Error(`no ${kind} stage`)
    goToStage(client.doc, stage.id)
    await stored(wsUrl, links, 'control', (doc) => readControl(doc).currentStageId === stage.id)
  } finally {
    client.destroy()
  }
}

/** Waits until a fresh client, reading what the server stored, sees the change. */
async function stored(wsUrl: string, links: WorkshopLinks, docName: 'board' | 'control', check: (doc: Y.Doc) => boolean): Promise<void> {
  await waitFor(
    async () => {
      const reader = connectClient(wsUrl, links.id, docName, { key: links.keys.facilitator })
      try {
        await synced(reader)
        return check(reader.doc)
      } finally {
        reader.destroy()
      }
    },
    10_000,
    `the server to store the ${docName} change`,
  )
}

/** Turns private writing on or off, or reveals, as the facilitator's console does. */
export async function setPrivate(wsUrl: string, links: WorkshopLinks, action: 'on' | 'reveal'): Promise<void> {
  const client = connectClient(wsUrl, links.id, 'control', { key: links.keys.facilitator, ext: '1' })
  try {
    await synced(client)
    const before = readControl(client.doc).privateMode.revealSeq
    if (action === 'on') setPrivateMode(client.doc, { on: true })
    else requestReveal(client.doc)
    await stored(wsUrl, links, 'control', (doc) => (action === 'on' ? readControl(doc).privateMode.on : readControl(doc).privateMode.revealSeq > before))
  } finally {
    client.destroy()
  }
}
