import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../shared/protocol.ts'
import { Brand } from '../common/Brand.tsx'
import { SkipLink } from '../common/SkipLink.tsx'
import { useDocumentTitle } from '../common/useDocumentTitle.ts'
import { resolveWorkshopKey } from '../keys.ts'
import { navigate } from '../routing.ts'
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
  const { t } = useTranslation()
  useDocumentTitle(t('missingKey.documentTitle'))
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <Brand />
      </header>
      <main id="main" tabIndex={-1} className="page page--narrow">
        <section className="panel panel--centered">
          <h1 className="panel__title">{t('missingKey.title')}</h1>
          <p>{t('missingKey.body')}</p>
          <button type="button" className="button button--secondary" onClick={() => navigate('/')}>
            {t('missingKey.home')}
          </button>
        </section>
      </main>
    </>
  )
}
