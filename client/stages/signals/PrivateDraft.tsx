import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type * as Y from 'yjs'
import { LOCAL_ORIGIN, initDraft, readDraft, revealLeftovers } from '../../../shared/doc/index.ts'
import { draftDocName } from '../../../shared/protocol.ts'
import type { Signal } from '../../../shared/schema/signal.ts'
import { useStore } from '../../state/store.ts'
import { useSyncIntoStore } from '../../state/useSyncedDoc.ts'
import { useDocConnection, useOfflineStore, useYDoc } from '../../sync/hooks.ts'
import { useNoPresence } from '../../sync/presence.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { ensureDraftId, loadDraftId } from './draftId.ts'
import { useDocSignals } from './useDocSignals.ts'

export interface PrivateDraft {
  /** This person's draft document; null while private mode is off (or on a projector). */
  doc: Y.Doc | null
  /** The cards in it, as immutable records (same identity until they change). */
  signals: ReadonlyMap<string, Signal>
}

const NO_SIGNALS: ReadonlyMap<string, Signal> = new Map()
const NO_DRAFT: PrivateDraft = { doc: null, signals: NO_SIGNALS }
const DraftContext = createContext<PrivateDraft>(NO_DRAFT)

export function usePrivateDraft(): PrivateDraft {
  return useContext(DraftContext)
}

interface PrivateDraftProviderProps {
  /** The name shown beside this person's card count when theirs is empty. */
  fallbackName: string
  children: ReactNode
}

/**
 * Opens this person's private draft (`draft-<draftId>`), offline-backed and synced, while private
 * mode is on, and also afterwards while it still holds cards (written offline, say) so they are
 * never stranded: once private mode is off they are moved onto the board. Only people who write
 * mount it: the projector has a view of its own (`ScreenSignals.tsx`) and never opens a draft.
 */
export function PrivateDraftProvider({ fallbackName, children }: PrivateDraftProviderProps) {
  const workshopId = useStore((s) => s.session?.workshopId ?? null)
  const key = useStore((s) => s.session?.key ?? null)
  const privateOn = useStore((s) => s.control?.privateMode.on ?? false)
  const [draftId, setDraftId] = useState(() => (workshopId ? loadDraftId(workshopId) : null))

  useEffect(() => {
    if (workshopId && privateOn) setDraftId(ensureDraftId(workshopId))
    else if (workshopId) setDraftId(loadDraftId(workshopId))
  }, [workshopId, privateOn])

  if (!workshopId || !key || !draftId) return <DraftContext.Provider value={NO_DRAFT}>{children}</DraftContext.Provider>
  return (
    <OpenDraft workshopId={workshopId} accessKey={key} docName={draftDocName(draftId)} fallbackName={fallbackName}>
      {children}
    </OpenDraft>
  )
}

interface OpenDraftProps {
  workshopId: string
  accessKey: string
  docName: string
  fallbackName: string
  children: ReactNode
}

function OpenDraft({ workshopId, accessKey, docName, fallbackName, children }: OpenDraftProps) {
  const doc = useYDoc(workshopId, docName)
  const loaded = useOfflineStore(doc, workshopId, docName)
  // The draft's owner is this person: the server counts its cards under the id it signed.
  const identityToken = useStore((s) => s.identityToken)
  // Synced only while the round is open: after the reveal the server keeps no drafts (it refuses
  // them), and what this copy still holds goes to the board instead (useMoveLeftoversToBoard).
  const privateOn = useStore((s) => s.control?.privateMode.on ?? false)
  const connection = useDocConnection(privateOn ? doc : null, workshopId, docName, accessKey, identityToken)
  // Its "your changes are waiting" notices show at the top of the page, like the board's.
  useSyncIntoStore(connection, 'draft')
  // A draft carries no presence: who is writing is told by the count, never by the draft's name.
  useNoPresence(connection)
  return (
    <DraftFromDoc doc={doc} loaded={loaded} fallbackName={fallbackName}>
      {children}
    </DraftFromDoc>
  )
}

interface DraftFromDocProps {
  doc: Y.Doc | null
  /** Whether this device's stored copy has been read into `doc` (default: it has none). */
  loaded?: boolean
  fallbackName: string
  children: ReactNode
}

/**
 * Provides an open draft document: names its owner, watches its cards, moves leftovers. New
 * cards go to it only while private mode is on.
 */
export function DraftFromDoc({ doc, loaded = true, fallbackName, children }: DraftFromDocProps) {
  const privateOn = useStore((s) => s.control?.privateMode.on ?? false)
  useDraftOwner(loaded ? doc : null, fallbackName)
  const signals = useDocSignals(doc)
  useMoveLeftoversToBoard(doc, signals, privateOn)
  const value = useMemo<PrivateDraft>(() => ({ doc: privateOn ? doc : null, signals: privateOn ? signals : NO_SIGNALS }), [doc, signals, privateOn])
  return <DraftContext.Provider value={value}>{children}</DraftContext.Provider>
}

/**
 * Names the draft's owner (once, and again after a rename): the server shows "Anna: 3 cards".
 * Only once the device's stored copy is in: named before, a reloaded page wrote the owner into an
 * empty copy, and the stored one then won the key over it (which the server once refused whole).
 */
function useDraftOwner(doc: Y.Doc | null, fallbackName: string): void {
  const participantId = useStore((s) => s.participant?.id ?? null)
  const name = useStore((s) => s.participant?.name ?? '').trim() || fallbackName
  useEffect(() => {
    if (!doc || !participantId) return
    const owner = readDraft(doc).owner
    if (owner?.participantId !== participantId || owner.name !== name) initDraft(doc, { participantId, name })
  }, [doc, participantId, name])
}

/**
 * Cards left in this device's draft after private mode ended (written offline while the
 * facilitator revealed, or sent after the round closed): moved onto the board as the reveal would
 * have, once the board has synced, so that a card the reveal brought and someone deleted since
 * is told apart from one the board never had (`revealLeftovers`).
 */
function useMoveLeftoversToBoard(doc: Y.Doc | null, signals: ReadonlyMap<string, Signal>, privateOn: boolean): void {
  const { board } = useWorkshopDocs()
  const boardSynced = useStore((s) => s.connection.board.synced)
  const leftovers = !privateOn && signals.size > 0
  useEffect(() => {
    if (leftovers && doc && board && boardSynced) revealLeftovers(board, doc, LOCAL_ORIGIN)
  }, [leftovers, doc, board, boardSynced])
}
