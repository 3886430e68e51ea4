/**
 * The board's history started afresh while this page had it open (close `renewed`); the steps
 * are in client/sync/renewal.ts. Phases, as `useSyncedDoc` reads them:
 *   (none)    — while the old generation's last state is read, the old copy is still shown and
 *               kept, and what is written to it meanwhile is set aside with the rest;
 *   loading   — the old copy is set aside and the new generation loads, in memory only; the
 *               page keeps showing the last board (WorkshopSession's bridge), not an empty one;
 *   carried   — the carried-over changes are written into the new board, which the page now
 *               shows; the old copy stays in IndexedDB until the server has stored them all, so
 *               a tab closed meanwhile finds it and carries it over again;
 *   none      — the old copy is gone from IndexedDB and the new one is kept there in its place;
 *   unstored  — the old copy could not be deleted: the new board works online only in this tab,
 *               and the next start finds the old copy and carries it over again.
 */
import { useEffect, useRef } from 'react'
import type * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol.ts'
import type { DocConnection } from '../sync/docConnection.ts'
import { deleteOfflineCopy } from '../sync/hooks.ts'
import type { CarryOver } from '../sync/carryOver.ts'
import { fetchPreviousBoard, loadCarryOver, loadCarryOverPatiently, type GenerationStore } from '../sync/renewal.ts'

/** How long after the board opens the carrying over is loaded, so that it waits ready for a renewal. */
const PRELOAD_CARRY_OVER_MS = 5_000

export type RenewalPhase = 'none' | 'loading' | 'carried' | 'unstored'

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
  replaceDoc(): void
}

export function useRenewal({ connection, doc, generations, workshopId, docName, key, phase, replaceDoc }: RenewalOptions): void {
  /**
   * Set aside from the old generation (null: nothing to carry) until the new one has synced.
   * Kept if the board is started afresh again before that: the new copy has nothing of its own.
   */
  const carried = useRef<CarryOver | null | undefined>(undefined)
  /** Carried into the new generation; the old copy goes once the server has stored it all. */
  const awaitingSave = useRef(false)
  useEffect(() => {
    if (!generations) return
    const timer = setTimeout(() => void loadCarryOver().catch(() => {}), PRELOAD_CARRY_OVER_MS)
    return () => clearTimeout(timer)
  }, [generations])
  useEffect(() => {
    // A render can pair the new document with the old connection, for one effect run: skip it.
    if (!connection || !doc || !generations || connection.provider.doc !== doc) return
    let active = true
    let started = false
    const check = () => {
      const state = connection.getState()
      if (state.closeCode === CloseCode.renewed && !started) {
        started = true
        if (carried.current !== undefined) {
          phase('loading')
          replaceDoc()
          return
        }
        void (async () => {
          // Meanwhile the old copy stays shown and kept: what is written now is set aside too.
          const hasContent = doc.store.clients.size > 0
          let carry: CarryOver | null = null
          if (hasContent) {
            const [previous, { prepareCarryOver }] = await Promise.all([
              fetchPreviousBoard(workshopId, key, connection.generation() ?? 0),
              // Not loaded after a minute of trying: the old copy stays, and the next start carries it.
              loadCarryOverPatiently(),
            ])
            if (!active) return
            carry = prepareCarryOver(doc, previous)
          }
          if (!active) return
          carried.current = carry
          generations.hold()
          phase('loading')
          replaceDoc()
        })()
      }
      if (carried.current !== undefined && state.status === 'connected' && state.synced) {
        const carry = carried.current
        carried.current = undefined
        awaitingSave.current = true
        phase('carried')
        carry?.(doc)
      }
      // Read afresh: carrying counted its changes as waiting (and may have run this check inside).
      if (awaitingSave.current && connection.getState().pending === 0) {
        awaitingSave.current = false
        // The new document goes into IndexedDB only once the old copy is gone: both under one
        // name, they would be loaded as one.
        void deleteOfflineCopy(workshopId, docName).then((ok) => {
          if (!ok) return phase('unstored')
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
  }, [connection, doc, generations, workshopId, docName, key, phase, replaceDoc])
}
