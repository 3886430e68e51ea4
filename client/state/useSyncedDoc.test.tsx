// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act } from 'react'
import type * as Y from 'yjs'
import { actAsync, cleanup, render } from '../testing/render.ts'
import { useSyncedDoc, type SyncedDoc } from './useSyncedDoc.ts'

const idb = vi.hoisted(() => ({ cleared: [] as string[], open: new Set<string>(), load: () => {}, connected: 0 }))
vi.mock('y-indexeddb', () => ({
  IndexeddbPersistence: class {
    /** Resolved by the test (`idb.load()`), as IndexedDB answers when it has read this device's copy. */
    readonly whenSynced = new Promise<void>((resolve) => (idb.load = resolve))
    constructor(readonly name: string) {
      idb.open.add(name)
    }
    destroy() {
      idb.open.delete(this.name)
      return Promise.resolve()
    }
  },
  clearDocument: async (name: string) => {
    // A real IndexedDB waits for open connections to close before deleting.
    expect(idb.open.has(name)).toBe(false)
    idb.cleared.push(name)
  },
}))
vi.mock('../sync/docConnection.ts', () => ({
  connectDoc: () => {
    idb.connected++
    return { provider: {}, getState: () => ({}), subscribe: () => () => {}, retry() {}, destroy() {} }
  },
}))

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('useSyncedDoc', () => {
  it('discards the local copy: closes it, deletes its IndexedDB store, and starts a fresh document', async () => {
    vi.stubGlobal('indexedDB', {})
    let synced: SyncedDoc | null = null
    function Probe() {
      synced = useSyncedDoc('WsdwpGwJE-N22TBmKJ81_Q', 'control', 'k')
      return null
    }
    render(<Probe />)
    const first = synced!.doc as Y.Doc
    expect(first).not.toBeNull()
    act(() => synced!.discardLocalCopy())
    await actAsync(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(idb.cleared).toEqual(['s2s:WsdwpGwJE-N22TBmKJ81_Q:control'])
    expect(synced!.doc).not.toBeNull()
    expect(synced!.doc).not.toBe(first)
    expect(first.isDestroyed).toBe(true)
  })

  it('opens the connection only once this device’s copy is loaded from IndexedDB (and migrated)', async () => {
    vi.stubGlobal('indexedDB', {})
    idb.connected = 0
    let synced: SyncedDoc | null = null
    function Probe() {
      synced = useSyncedDoc('WsdwpGwJE-N22TBmKJ81_Q', 'board', 'k')
      return null
    }
    render(<Probe />)
    expect(synced!.doc).not.toBeNull()
    expect(idb.connected).toBe(0)
    await actAsync(async () => idb.load())
    expect(idb.connected).toBe(1)
  })
})
