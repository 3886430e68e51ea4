import { lazy, Suspense, useState } from 'react'
import type { Role } from '../../../shared/protocol.ts'
import { MessagePage, useMessageText } from '../common/MessagePage.tsx'
import { resolveWorkshopKey } from '../keys.ts'
import { OpeningWorkshop } from './access/OpeningWorkshop.tsx'
import { withToolStrings } from '../../i18n/index.ts'
import { useAccessCheck } from './access/useAccessCheck.ts'
import { WorkshopSession } from './WorkshopSession.tsx'

// Seldom shown (a link that cannot open the workshop): its words come with the tools', not with every phone's first stage.
const BadLinkPage = lazy(withToolStrings(() => import('./access/BadLinkPage.tsx')))

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
  if (access.kind === 'bad')
    return (
      <Suspense fallback={<OpeningWorkshop />}>
        <BadLinkPage reason={access.reason} />
      </Suspense>
    )
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
