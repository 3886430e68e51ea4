// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { act, useState } from 'react'
import * as Y from 'yjs'
import { addSignal, readBoard } from '../../shared/doc/index.ts'
import { restoreDoc } from '../../shared/doc/restore.ts'
import { CloseCode } from '../../shared/protocol.ts'
import type { DocConnection } from '../sync/docConnection.ts'
import { INITIAL_SYNC_STATE, type DocSyncState } from '../sync/syncState.ts'
import { generationStore, loadCarryOver } from '../sync/renewal.ts'
import { actAsync, cleanup, render } from '../testing/render.ts'
import { useRenewal, type RenewalPhase } from './useRenewal.ts'

const idb = vi.hoisted(() => ({ cleared: [] as string[], failClear: false }))
vi.mock('y-indexeddb', () => ({
  clearDocument: async (name: string) => {
    if (idb.failClear) throw new Error('blocked')
    idb.cleared.push(name)
  },
}))

const WORKSHOP = 'WsdwpGwJE-N22TBmKJ81_Q'
const anna = { participantId: 'annaAnnaAnnaAnnaAnna01' }

/** A connection the test drives: its state, and the generation it offers. */
function fakeConnection(doc: Y.Doc, generation: number | null, start: Partial<DocSyncState> = { status: 'connected', synced: true }) {
  let state: DocSyncState = { ...INITIAL_SYNC_STATE, ...start }
  const listeners = new Set<() => void>()
  const connection = {
    provider: { doc },
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    generation: () => generation,
  } as unknown as DocConnection
  return {
    connection,
    set(patch: Partial<DocSyncState>) {
      state = { ...state, ...patch }
      act(() => listeners.forEach((listener) => listener()))
    },
  }
}

function storage() {
  const items = new Map<string, string>()
  return { getItem: (name: string) => items.get(name) ?? null, setItem: (name: string, value: string) => void items.set(name, value) }
}

// The carrying over is a chunk of its own, loaded once per page: here before the tests, as the app
// preloads it a few seconds after the board opens.
beforeAll(async () => {
  await loadCarryOver()
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  idb.cleared = []
  idb.failClear = false
})

describe('useRenewal', () => {
  /** The old generation (2) with a card, this device's copy with one more written offline, and the new generation. */
  function setting(saveWaitMs?: number) {
    const old = new Y.Doc()
    addSignal(old, { title: 'Care robots' }, anna)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(old))
    addSignal(copy, { title: 'Written offline' }, anna)
    const renewed = new Y.Doc()
    restoreDoc(renewed, old)
    const asked: string[] = []
    vi.stubGlobal('indexedDB', {})
    vi.stubGlobal('fetch', async (path: string) => {
      asked.push(path)
      return new Response(new Blob([Y.encodeStateAsUpdate(old) as Uint8Array<ArrayBuffer>]), { status: 200 })
    })
    const noted = generationStore(storage(), WORKSHOP)
    noted.set(2)
    const phases: RenewalPhase[] = []
    let replaced = 0
    const driven = { current: fakeConnection(copy, 2) }
    function Probe() {
      const [doc, setDoc] = useState(copy)
      const [connection, setConnection] = useState(driven.current.connection)
      useRenewal({
        connection,
        doc,
        generations: noted,
        workshopId: WORKSHOP,
        docName: 'board',
        key: 'k',
        phase: (phase) => phases.push(phase),
        saveWaitMs,
        replaceDoc: () => {
          replaced++
          // As useSyncedDoc does: a new document, and its connection a render later.
          setDoc(renewed)
          driven.current = fakeConnection(renewed, null, { status: 'connecting', synced: false })
          setConnection(driven.current.connection)
        },
      })
      return null
    }
    render(<Probe />)
    return { renewed, asked, noted, phases, replaced: () => replaced, driven }
  }

  it('reads the old state for the generation its copy offered, loads the new one, carries the copy over, and only then lets the old copy go', async () => {
    const { renewed, asked, noted, phases, replaced, driven } = setting()
    driven.current.set({ status: 'closed', closeCode: CloseCode.renewed, synced: false })
    await actAsync(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(asked).toEqual([`/api/workshops/${WORKSHOP}/board/generations/2`])
    expect(replaced()).toBe(1)
    expect(phases).toEqual(['loading'])
    // Held: the new copy offers nothing, the old note stays beside the old copy.
    expect(noted.get()).toBeNull()

    driven.current.set({ status: 'connected', synced: true })
    await actAsync(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect([...readBoard(renewed).signals.values()].map((signal) => signal.title).sort()).toEqual(['Care robots', 'Written offline'])
    expect(idb.cleared).toEqual([`s2s:${WORKSHOP}:board`])
    expect(phases).toEqual(['loading', 'carried', 'none'])
    noted.set(3)
    expect(noted.get()).toBe(3)
  })

  it('keeps the old copy until the server has stored what was carried: a tab closed before that carries it again', async () => {
    const { renewed, noted, phases, driven } = setting()
    driven.current.set({ status: 'closed', closeCode: CloseCode.renewed, synced: false })
    await actAsync(() => new Promise((resolve) => setTimeout(resolve, 0)))
    // Synced, and the carried card is waiting for the server's "saved".
    driven.current.set({ status: 'connected', synced: true, pending: 1 })
    await actAsync(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect([...readBoard(renewed).signals.values()].map((signal) => signal.title)).toContain('Written offline')
    expect(phases).toEqual(['loading', 'carried'])
    expect(idb.cleared).toEqual([])
    expect(noted.get()).toBeNull()

    driven.current.set({ pending: 0 })
    await actAsync(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(idb.cleared).toEqual([`s2s:${WORKSHOP}:board`])
    expect(phases).toEqual(['loading', 'carried', 'none'])
  })

  it('lets the old copy go after a while without the confirmation (a dropped network): what was carried is in the new board', async () => {
    const { renewed, phases, driven } = setting(30)
    driven.current.set({ status: 'closed', closeCode: CloseCode.renewed, synced: false })
    await actAsync(() => new Promise((resolve) => setTimeout(resolve, 0)))
    driven.current.set({ status: 'connected', synced: true, pending: 1 })
    await actAsync(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(idb.cleared).toEqual([])
    driven.current.set({ status: 'connecting' })
    await actAsync(() => new Promise((resolve) => setTimeout(resolve, 60)))
    expect(idb.cleared).toEqual([`s2s:${WORKSHOP}:board`])
    expect(phases).toEqual(['loading', 'carried', 'none'])
    expect([...readBoard(renewed).signals.values()].map((signal) => signal.title)).toContain('Written offline')
  })

  it('keeps the old copy and the old note when it cannot be deleted: this tab goes on without storing', async () => {
    idb.failClear = true
    const { phases, noted, driven } = setting()
    driven.current.set({ status: 'closed', closeCode: CloseCode.renewed, synced: false })
    await actAsync(() => new Promise((resolve) => setTimeout(resolve, 0)))
    driven.current.set({ status: 'connected', synced: true })
    await actAsync(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(phases).toEqual(['loading', 'carried', 'unstored'])
    expect(noted.get()).toBeNull()
  })

  it('started afresh again before the new board synced: keeps what it set aside, reads nothing more, and carries it into the next', async () => {
    const { renewed, asked, replaced, driven } = setting()
    driven.current.set({ status: 'closed', closeCode: CloseCode.renewed, synced: false })
    await actAsync(() => new Promise((resolve) => setTimeout(resolve, 0)))
    driven.current.set({ status: 'closed', closeCode: CloseCode.renewed })
    await actAsync(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(replaced()).toBe(2)
    expect(asked).toHaveLength(1)

    driven.current.set({ status: 'connected', synced: true })
    await actAsync(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect([...readBoard(renewed).signals.values()].map((signal) => signal.title)).toContain('Written offline')
  })
})
