import { useState } from 'react'
import type { Role } from '../../../shared/protocol.ts'
import { MessagePage, useMessageText } from '../common/MessagePage.tsx'
import { resolveWorkshopKey } from '../keys.ts'
import { BadLinkPage, OpeningWorkshop } from './access/BadLinkPage.tsx'
import { useAccessCheck } from './access/useAccessCheck.ts'
import { WorkshopSession } from './WorkshopSession.tsx'

interface WorkshopPageProps {
  workshopId: string
  role: Role
}

/**
 * Reads the key once (fragment, else this tab's memory), checks the link with the server, then
 * opens the workshop in the role the server gives the key (a participant key opened at a
 * facilitator address is a participant).
 */
export function WorkshopPage({ workshopId, role }: WorkshopPageProps) {
  const [key] = useState(() => resolveWorkshopKey(workshopId, role, window.location.hash))
  const access = useAccessCheck(workshopId, key, role)
  if (!key) return <MissingKey />
  if (access.kind === 'bad') return <BadLinkPage reason={access.reason} />
  if (access.kind === 'checking') return <OpeningWorkshop />
  // Keyed by role: a corrected role is a new session (connections, presence, undo).
  return <WorkshopSession key={access.role} workshopId={workshopId} role={access.role} accessKey={key} />
}

function MissingKey() {
  const { body, ...text } = useMessageText('missingKey')
  return (
    <MessagePage {...text}>
      <p>{body}</p>
    </MessagePage>
  )
}
