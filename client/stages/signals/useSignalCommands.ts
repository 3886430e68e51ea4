import { useMemo } from 'react'
import type * as Y from 'yjs'
import { addSignal, deleteSignal, mergeSignals, updateSignal } from '../../../shared/doc/index.ts'
import type { SignalInput, SignalPatch } from '../../../shared/schema/signal.ts'
import { useStore } from '../../state/store.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { usePrivateDraft } from './PrivateDraft.tsx'

export interface SignalCommands {
  /** Where a new card goes right now: the private draft while private mode is on, else the board. */
  readonly writesPrivately: boolean
  /** Adds a card; returns its id, or null when the documents are not open yet. */
  add(input: SignalInput): string | null
  update(id: string, patch: SignalPatch, inDraft: boolean): void
  remove(id: string, inDraft: boolean): void
  /** Merges the duplicate `dropId` into `keepId` (board cards only). */
  merge(keepId: string, dropId: string): boolean
}

/** Shared/doc commands bound to this person and the right document. */
export function useSignalCommands(): SignalCommands {
  const { board } = useWorkshopDocs()
  const draft = usePrivateDraft().doc
  const participantId = useStore((s) => s.participant?.id ?? null)

  return useMemo(() => {
    const docFor = (inDraft: boolean): Y.Doc | null => (inDraft ? draft : board)
    return {
      writesPrivately: draft !== null,
      add(input) {
        const target = draft ?? board
        if (!target || !participantId) return null
        // Names on the wall come from the board's participant list, which the workshop page keeps.
        return addSignal(target, input, { participantId })
      },
      update(id, patch, inDraft) {
        const doc = docFor(inDraft)
        if (doc && Object.keys(patch).length > 0) updateSignal(doc, id, patch)
      },
      remove(id, inDraft) {
        const doc = docFor(inDraft)
        if (doc) deleteSignal(doc, id)
      },
      merge(keepId, dropId) {
        if (!board || !participantId) return false
        return mergeSignals(board, keepId, dropId, { participantId })
      },
    }
  }, [board, draft, participantId])
}
