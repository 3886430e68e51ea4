/**
 * The board's history started afresh while this page had it open (close `renewed`); the steps
 * are in client/sync/renewal.ts. Phases, as `useSyncedDoc` reads them:
 *   (none)    — while the old generation's last state is read, the old copy is still shown and
 *               kept, and what is written to it meanwhile is set aside with the rest;
 *   loading   — the old copy is set aside and the new generation loads, in memory only; the
 *               page keeps showing the last board (WorkshopSession's bridge), not an empty one;
 *   carried   — the carried-over changes are written into the new board, which the page now
 *               shows; the old copy stays in IndexedDB until the server has stored them all (at
 *               most SAVE_WAIT_MS), so a tab closed meanwhile finds it and carries it over again;
 *   none      — the old copy is gone from IndexedDB and the new one is kept there in its place;
 *   unstored  — the old copy could not be deleted: the new board works online only in this tab,
 *               and the next start finds the old copy and carries it over again.
 *
 * The same steps carry this device's changes past one the server refused as another person's
 * (`notYours`: the app offers none, so a race or a stale copy made it). Yjs numbers a page's
 * changes in one run, so everything after it waited behind it on the server for good, and the
 * copy sent it again on every connect with whatever else it had unsent, all refused as one. The
 * old copy's state is set aside, a fresh copy of the same board loads, and this device's own
 * changes are carried into it, record by record, without the records this person may not change
 * (`carryPastRefusal`). Once per page: refused again after that, the page says so and stops.
 */
import { useEffect, useRef } from 'react'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol.ts'
import type { DocConnection } from '../sync/docConnection.ts'
import { deleteOfflineCopy } from '../sync/hooks.ts'
import type { Writer } from '../../shared/permissions.ts'
import type { CarryOver } from '../sync/carryOver.ts'
import { fetchPreviousBoard, loadCarryOver, loadCarryOverPatiently, type GenerationStore } from '../sync/renewal.ts'

/** How long after the board opens the carrying over is loaded, so that it waits ready for a renewal. */
const PRELOAD_CARRY_OVER_MS = 5_000
/**
 * How long the old copy is kept for the server to confirm what was carried. A device stores
 * nothing new meanwhile (the old copy holds the name), so the wait is short: on a dropped network
 * the old copy then goes, its changes safe in the new document, stored from then on.
 */
const SAVE_WAIT_MS = 5_000
/** When loading the carrying over failed (a minute of tries), how long until the step is tried again. */
const CARRY_RETRY_MS = 30_000

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
  /** How long the old copy waits for the server's confirmation (tests shorten it). */
  saveWaitMs?: number
  /** This person as the server checks their writes: what a refused change's carrying leaves out (null: no carrying). */
  writer?: Writer | null
}

export function useRenewal(options: RenewalOptions): void {
  const { connection, doc, generations, workshopId, docName, key, phase, replaceDoc, saveWaitMs = SAVE_WAIT_MS, writer = null } = options
  /**
   * Set aside from the old generation (null: nothing to carry) until the new one has synced.
   * Kept if the board is started afresh again before that: the new copy has nothing of its own.
   */
  const carried = useRef<CarryOver | null | undefined>(undefined)
  /** Carried into the new generation; the old copy goes once the server has stored it all. */
  const awaitingSave = useRef(false)
  /**
   * A change refused as another person's: `none`, `loading` the carrying's code, or the `guid` of
   * the copy it was set aside from (once per page from then on).
   */
  const refusal = useRef<string>('none')
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
        })().catch(() => {
          // The carrying over could not be loaded after a minute of trying: the old copy stays
          // shown and stored, and the whole step is tried again a little later.
          retry = setTimeout(() => {
            started = false
            check()
          }, CARRY_RETRY_MS)
        })
      }
      if (state.denied === 'notYours' && writer && !started && carried.current === undefined && refusal.current === 'none') {
        started = true
        refusal.current = 'loading'
        const refusedIn = connection.generation()
        void loadCarryOverPatiently().then(
          ({ carryPastRefusal }) => {
            // This effect may have run again meanwhile (a new identity): the copy is what counts. A
            // renewal that came meanwhile carries this copy itself (and a change refused again
            // after it starts this anew).
            if (doc.isDestroyed || carried.current !== undefined) return void (refusal.current = 'none')
            // Taken now, not at the refusal: what was typed while the code loaded is in it too.
            const kept = Y.encodeStateAsUpdate(doc)
            refusal.current = doc.guid
            carried.current = (live, generation) => carryPastRefusal(live, kept, writer, generation === refusedIn)
            generations.hold()
            phase('loading')
            replaceDoc()
          },
          // Not loaded after a minute of tries: the page stays as it is, refused.
          () => (refusal.current = 'none'),
        )
        return
      }
      // The refused copy's socket stays open a moment after it is replaced: never carried into.
      if (carried.current !== undefined && doc.guid !== refusal.current && state.status === 'connected' && state.synced) {
        const carry = carried.current
        carried.current = undefined
        awaitingSave.current = true
        phase('carried')
        carry?.(doc, connection.generation())
        // Meanwhile nothing typed here is stored on the device: a network gone for longer lets go
        // of the old copy anyway, as the carried changes are in the new document by then.
        waiting = setTimeout(letGo, saveWaitMs)
      }
      // Read afresh: carrying counted its changes as waiting (and may have run this check inside).
      if (awaitingSave.current && connection.getState().pending === 0) letGo()
    }
    const letGo = () => {
      clearTimeout(waiting)
      if (!awaitingSave.current) return
      awaitingSave.current = false
      // What was carried was refused in turn: the old copy stays, for the next start to try again.
      if (connection.getState().denied) return phase('unstored')
      // The new document goes into IndexedDB only once the old copy is gone: both under one
      // name, they would be loaded as one.
      void deleteOfflineCopy(workshopId, docName).then((ok) => {
        if (!ok) return phase('unstored')
        generations.release()
        phase('none')
      })
    }
    let retry: ReturnType<typeof setTimeout> | undefined
    let waiting: ReturnType<typeof setTimeout> | undefined
    check()
    const unsubscribe = connection.subscribe(check)
    return () => {
      clearTimeout(retry)
      clearTimeout(waiting)
      active = false
      unsubscribe()
    }
  }, [connection, doc, generations, workshopId, docName, key, phase, replaceDoc, saveWaitMs, writer])
}
