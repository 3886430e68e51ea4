import { lazy, Suspense, useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../shared/protocol.ts'
import { withToolStrings } from '../../i18n/index.ts'
import { useMyColor } from '../../identity/useMyColor.ts'
import { useWorkshopIdentity } from '../../identity/useWorkshopIdentity.ts'
import { bridgeBoard, bridgeControl, type BridgeTeardown } from '../../state/bridge.ts'
import { selectWorkshopTitle } from '../../state/selectors.ts'
import { useStore } from '../../state/store.ts'
import { useServerClockSync } from '../../sync/clock.ts'
import { useSyncedDoc } from '../../state/useSyncedDoc.ts'
import type { Writer } from '../../../shared/permissions.ts'
import { useNoPresence, usePresence, type PresenceUser } from '../../sync/presence.ts'
import { WorkshopDocsContext, type WorkshopDocs } from '../../sync/workshopDocs.ts'
import { LiveAnnouncer } from '../../ui/index.ts'
import { SkipLink } from '../common/SkipLink.tsx'
import { useDocumentTitle } from '../common/useDocumentTitle.ts'
import { ConnectionProblem } from './ConnectionProblem.tsx'
import { NameDialog } from './NameDialog.tsx'
import { StageArea } from './stage/StageArea.tsx'
import { useStageNavigation } from './stage/useStageNavigation.ts'
import { UndoProvider } from '../../sync/UndoContext.tsx'
import { useJoinBoard } from './useJoinBoard.ts'
import { useProjectorMode } from './useProjectorMode.ts'
import { useWorkshopLanguage } from './useWorkshopLanguage.ts'
import { WorkshopHeader } from './WorkshopHeader.tsx'
import './workshop.css'

// Asked of a facilitator's other device only: a participant's phone never downloads it.
const SamePersonDialog = lazy(withToolStrings(() => import('./SamePersonDialog.tsx')))
// From the first visit to the Stories stage on (see StoryRescue below).
const StoryRescueWatch = lazy(() => import('../../stages/stories/StoryRescueWatch.tsx'))
// Only the projector shows the screen view: a chunk of its own, never on a participant's phone.
const ScreenView = lazy(withToolStrings(() => import('../../screen/ScreenView.tsx').then((m) => ({ default: m.ScreenView }))))

interface WorkshopSessionProps {
  workshopId: string
  /** The role the server gave this key (see access/useAccessCheck.ts), else the link's. */
  role: Role
  /** The role's key (named `accessKey` because `key` is React's). */
  accessKey: string
}

/** Opens the session: identity, both documents (offline-backed and connected), bridge, presence. */
export function WorkshopSession({ workshopId, role, accessKey }: WorkshopSessionProps) {
  useWorkshopIdentity(workshopId, role, accessKey)
  // The board carries per-person records, so it connects as the person the server knows.
  const identityToken = useStore((s) => s.identityToken)
  const board = useSyncedDoc(workshopId, 'board', accessKey, role === 'screen' ? null : identityToken, useWriter(role))
  const control = useSyncedDoc(workshopId, 'control', accessKey)
  // While a renewed board's new generation loads, the wall keeps showing the last one.
  useBridge(board.renewing ? null : board.doc, bridgeBoard, board.renewing)
  useBridge(control.doc, bridgeControl)
  usePresence(board.connection, usePresenceUser(role))
  useNoPresence(control.connection)
  useServerClockSync(control.connection)
  useDiscardRefusedControl(role, control.discardLocalCopy)
  useWorkshopLanguage(workshopId)
  useProjectorMode(role === 'screen')
  useAskNameOnce(role)

  const { t } = useTranslation()
  const title = useStore(selectWorkshopTitle)
  useDocumentTitle(title ? t('workshop.documentTitle', { title }) : t('app.name'))

  const docs = useMemo<WorkshopDocs>(
    () => ({ board: board.doc, control: control.doc, boardConnection: board.connection, controlConnection: control.connection }),
    [board.doc, control.doc, board.connection, control.connection],
  )

  return (
    <WorkshopDocsContext.Provider value={docs}>
      <UndoProvider board={board.doc}>
        <LiveAnnouncer>
          {role === 'screen' ? (
            <Suspense fallback={null}>
              <ScreenView />
            </Suspense>
          ) : (
            <>
              <SkipLink />
              <WorkshopHeader role={role} />
              <main id="main" tabIndex={-1} className={`page workshop workshop--${role}`}>
                <ConnectionProblem />
                <StageArea role={role} />
              </main>
              <NameDialog />
              {role === 'facilitator' && (
                <Suspense fallback={null}>
                  <SamePersonDialog />
                </Suspense>
              )}
            </>
          )}
          <BoardMembership role={role} />
          {role !== 'screen' && <StoryRescue />}
        </LiveAnnouncer>
      </UndoProvider>
    </WorkshopDocsContext.Provider>
  )
}

/** Renders nothing: keeps this person's name on the board (needs the undo context). */
function BoardMembership({ role }: { role: Role }) {
  useJoinBoard(role)
  return null
}

/** From the first visit to the Stories stage on, the page keeps the stories it writes in (StoryRescueWatch). */
function StoryRescue() {
  const storiesOpened = useStore((s) => s.ui.storiesOpened)
  if (!storiesOpened) return null
  return (
    <Suspense fallback={null}>
      <StoryRescueWatch />
    </Suspense>
  )
}

/** Mirrors `doc` into the store; with `hold`, a document going away leaves its last snapshot shown. */
function useBridge<D>(doc: D | null, bridge: (doc: D) => BridgeTeardown, hold = false): void {
  const holding = useRef(hold)
  holding.current = hold
  useEffect(() => {
    if (!doc) return
    const teardown = bridge(doc)
    return () => teardown(holding.current)
  }, [doc, bridge])
}

/** Presence says which stage this person is looking at, so the facilitator sees who looked back. */
function usePresenceUser(role: Role): PresenceUser | null {
  const participant = useStore((s) => s.participant)
  const color = useMyColor()
  const stageId = useStageNavigation().viewed?.id ?? null
  return useMemo(
    () => (participant ? { id: participant.id, name: participant.name, color: color ?? participant.color, role, stageId } : null),
    [participant, color, role, stageId],
  )
}

/**
 * Only facilitators may write the control document. When the server refuses a control change
 * from anyone else (a forged or stale local edit), this device's copy would go on showing it, and
 * offering it again on every reconnect: throw the copy away and load the server's.
 */
function useDiscardRefusedControl(role: Role, discard: () => void): void {
  const denied = useStore((s) => s.connection.control.denied !== null)
  useEffect(() => {
    if (denied && role !== 'facilitator') discard()
  }, [denied, role, discard])
}

/** This person as the server checks their writes, once the identity is loaded (see useRenewal's refusal). */
function useWriter(role: Role): Writer | null {
  const participantId = useStore((s) => s.participant?.id ?? null)
  return useMemo(() => (participantId ? { role, participantId } : null), [role, participantId])
}

/** A person without a name is asked once per visit; a projector never is. */
function useAskNameOnce(role: Role): void {
  const hasIdentity = useStore((s) => s.participant !== null)
  const needsName = useStore((s) => s.participant !== null && s.participant.name === '')
  useEffect(() => {
    if (role !== 'screen' && hasIdentity && needsName) useStore.getState().openDialog('name')
    // eslint-disable-next-line react-hooks/exhaustive-deps -- Only when the identity first arrives: closing the dialog without a name must not reopen it.
  }, [role, hasIdentity])
}
