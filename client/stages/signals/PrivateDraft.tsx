import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react'
import type * as Y from 'yjs'
import { LOCAL_ORIGIN, initDraft, readDraft, revealDrafts } from '../../../shared/doc/index.ts'
import { draftDocName } from '../../../shared/protocol.ts'
import type { Signal } from '../../../shared/schema/signal.ts'
import { useStore } from '../../state/store.ts'
import { useSyncIntoStore } from '../../state/useSyncedDoc.ts'
import { useDocConnection, useOfflineStore, useYDoc } from '../../sync/hooks.ts'
import type { DocConnection } from '../../sync/docConnection.ts'
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
  useOfflineStore(doc, workshopId, docName)
  // The draft's owner is this person: the server counts its cards under the id it signed.
  const identityToken = useStore((s) => s.identityToken)
  const connection = useDocConnection(doc, workshopId, docName, accessKey, identityToken)
  // Its "your changes are waiting" notices show at the top of the page, like the board's, while
  // the round is open: after it, the server takes no more draft writes, and what the draft still
  // holds goes to the board instead (useMoveLeftoversToBoard).
  const privateOn = useStore((s) => s.control?.privateMode.on ?? false)
  useSyncIntoStore(privateOn ? connection : null, 'draft')
  // A draft carries no presence: who is writing is told by the count, never by the draft's name.
  useNoPresence(connection)
  return (
    <DraftFromDoc doc={doc} connection={connection} fallbackName={fallbackName}>
      {children}
    </DraftFromDoc>
  )
}

interface DraftFromDocProps {
  doc: Y.Doc | null
  /** Null in tests: without a server, leftovers are never moved. */
  connection: DocConnection | null
  fallbackName: string
  children: ReactNode
}

/**
 * Provides an open draft document: names its owner, watches its cards, moves leftovers. New
 * cards go to it only while private mode is on.
 */
export function DraftFromDoc({ doc, connection, fallbackName, children }: DraftFromDocProps) {
  const privateOn = useStore((s) => s.control?.privateMode.on ?? false)
  useDraftOwner(doc, fallbackName)
  const signals = useDocSignals(doc)
  useMoveLeftoversToBoard(doc, connection, signals, privateOn)
  const value = useMemo<PrivateDraft>(() => ({ doc: privateOn ? doc : null, signals: privateOn ? signals : NO_SIGNALS }), [doc, signals, privateOn])
  return <DraftContext.Provider value={value}>{children}</DraftContext.Provider>
}

/** Names the draft's owner (once, and again after a rename): the server shows "Anna: 3 cards". */
function useDraftOwner(doc: Y.Doc | null, fallbackName: string): void {
  const participantId = useStore((s) => s.participant?.id ?? null)
  const name = useStore((s) => s.participant?.name ?? '').trim() || fallbackName
  useEffect(() => {
    if (!doc || !participantId) return
    const owner = readDraft(doc).owner
    if (owner?.participantId !== participantId || owner.name !== name) initDraft(doc, { participantId, name })
  }, [doc, participantId, name])
}

const noSubscribe = () => () => {}

function useConnectionSynced(connection: DocConnection | null): boolean {
  return useSyncExternalStore(connection?.subscribe ?? noSubscribe, () => connection?.getState().synced ?? false)
}

/**
 * Cards left in the draft after private mode ended (written offline while the facilitator
 * revealed): copy them onto the board, the same way the server reveals. Only once both documents
 * have synced, so a card the server already revealed, and someone then deleted, is not brought
 * back from this device's stale copy.
 */
function useMoveLeftoversToBoard(doc: Y.Doc | null, connection: DocConnection | null, signals: ReadonlyMap<string, Signal>, privateOn: boolean): void {
  const { board } = useWorkshopDocs()
  const boardSynced = useStore((s) => s.connection.board.synced)
  const draftSynced = useConnectionSynced(connection)
  const leftovers = !privateOn && signals.size > 0
  useEffect(() => {
    if (leftovers && doc && board && boardSynced && draftSynced) revealDrafts(board, [doc], LOCAL_ORIGIN)
  }, [leftovers, doc, board, boardSynced, draftSynced])
}
