import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../shared/protocol.ts'
import { loadIdentity } from '../../identity/participant.ts'
import { bridgeBoard, bridgeControl } from '../../state/bridge.ts'
import { selectCurrentStageId, selectWorkshopTitle } from '../../state/selectors.ts'
import { useStore } from '../../state/store.ts'
import { useSyncedDoc } from '../../sync/hooks.ts'
import { useNoPresence, usePresence, type PresenceUser } from '../../sync/presence.ts'
import { WorkshopDocsContext, type WorkshopDocs } from '../../sync/workshopDocs.ts'
import { SkipLink } from '../common/SkipLink.tsx'
import { useDocumentTitle } from '../common/useDocumentTitle.ts'
import { ConnectionProblem } from './ConnectionProblem.tsx'
import { NameDialog } from './NameDialog.tsx'
import { RolePanel } from './RolePanel.tsx'
import { useProjectorMode } from './useProjectorMode.ts'
import { useWorkshopLanguage } from './useWorkshopLanguage.ts'
import { WorkshopHeader } from './WorkshopHeader.tsx'

interface WorkshopSessionProps {
  workshopId: string
  role: Role
  /** The role's key (named `accessKey` because `key` is React's). */
  accessKey: string
}

/** Opens the session: identity, both documents (offline-backed and connected), bridge, presence. */
export function WorkshopSession({ workshopId, role, accessKey }: WorkshopSessionProps) {
  useSession(workshopId, role, accessKey)
  const board = useSyncedDoc(workshopId, 'board', accessKey)
  const control = useSyncedDoc(workshopId, 'control', accessKey)
  useBridge(board.doc, bridgeBoard)
  useBridge(control.doc, bridgeControl)
  usePresence(board.connection, usePresenceUser(role))
  useNoPresence(control.connection)
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
      <SkipLink />
      <WorkshopHeader role={role} />
      <main id="main" tabIndex={-1} className={`page workshop workshop--${role}`}>
        <ConnectionProblem />
        <RolePanel role={role} />
      </main>
      {role !== 'screen' && <NameDialog />}
    </WorkshopDocsContext.Provider>
  )
}

function useSession(workshopId: string, role: Role, key: string): void {
  useEffect(() => {
    const { startSession, endSession } = useStore.getState()
    startSession({ workshopId, role, key }, loadIdentity())
    return endSession
  }, [workshopId, role, key])
}

function useBridge<D>(doc: D | null, bridge: (doc: D) => () => void): void {
  useEffect(() => (doc ? bridge(doc) : undefined), [doc, bridge])
}

function usePresenceUser(role: Role): PresenceUser | null {
  const participant = useStore((s) => s.participant)
  const stageId = useStore(selectCurrentStageId)
  return useMemo(
    () => (participant ? { id: participant.id, name: participant.name, color: participant.color, role, stageId } : null),
    [participant, role, stageId],
  )
}

/** A person without a name is asked once per visit; a projector never is. */
function useAskNameOnce(role: Role): void {
  const hasIdentity = useStore((s) => s.participant !== null)
  const needsName = useStore((s) => s.participant !== null && s.participant.name === '')
  useEffect(() => {
    if (role !== 'screen' && hasIdentity && needsName) useStore.getState().openDialog('name')
    // Only when the identity first arrives: closing the dialog without a name must not reopen it.
  }, [role, hasIdentity])
}
