/**
 * The board's history started afresh while this page had it open (close `renewed`); the steps
 * are in client/sync/renewal.ts. Phases, as `useSyncedDoc` reads them:
 *   loading  — the old copy is set aside and the new generation loads; the page keeps showing
 *              the last board (WorkshopSession's bridge) instead of an empty one;
 *   storing  — the new board is shown and has taken the carried-over changes; the old copy stays
 *              in IndexedDB until the server has stored them, then gives its place to the new one;
 *   none     — done.
 */
import { useEffect, useRef } from 'react'
import type * as Y from 'yjs'
import { clearDocument } from 'y-indexeddb'
import { CloseCode } from '../../shared/protocol.ts'
import type { DocConnection } from '../sync/docConnection.ts'
import { offlineStoreName } from '../sync/hooks.ts'
import { fetchPreviousBoard, prepareCarryOver, type CarryOver, type GenerationStore } from '../sync/renewal.ts'

export type RenewalPhase = 'none' | 'loading' | 'storing'

interface RenewalOptions {
  connection: DocConnection | null
  doc: Y.Doc | null
  /** Null for documents without generations (all but the board). */
  generations: GenerationStore | null
  workshopId: string
  docName: string
  key: string
  phase(phase: RenewalPhase): void
  /** Replaces the document with a new, empty one (its connection follows). */
  nextGeneration(): void
}

export function useRenewal({ connection, doc, generations, workshopId, docName, key, phase, nextGeneration }: RenewalOptions): void {
  /** Set aside from the old generation (null: nothing to carry) until the new one has synced. */
  const carried = useRef<CarryOver | null | undefined>(undefined)
  useEffect(() => {
    // A render can pair the new document with the old connection, for one effect run: skip it.
    if (!connection || !doc || !generations || connection.provider.doc !== doc) return
    let active = true
    let started = false
    let storing = false
    const check = () => {
      const state = connection.getState()
      if (state.closeCode === CloseCode.renewed && !started) {
        started = true
        phase('loading')
        void (async () => {
          const noted = generations.get()
          const hasContent = doc.store.clients.size > 0
          const previous = hasContent ? await fetchPreviousBoard(workshopId, key, noted ?? 0) : null
          if (!active) return
          carried.current = hasContent ? prepareCarryOver(doc, previous) : null
          generations.hold()
          nextGeneration()
        })()
      }
      if (carried.current !== undefined && state.status === 'connected' && state.synced) {
        const carry = carried.current
        carried.current = undefined
        carry?.(doc)
        phase('storing')
        storing = true
      }
      // Read afresh: the carry's own transaction has just changed the count.
      if (storing && connection.getState().pending === 0) {
        storing = false
        const cleared = typeof indexedDB === 'undefined' ? Promise.resolve() : clearDocument(offlineStoreName(workshopId, docName)).catch(() => {})
        void cleared.then(() => {
          generations.release()
          phase('none')
        })
      }
    }
    check()
    const unsubscribe = connection.subscribe(check)
    return () => {
      active = false
      unsubscribe()
    }
  }, [connection, doc, generations, workshopId, docName, key, phase, nextGeneration])
}
