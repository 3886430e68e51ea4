import { useTranslation } from 'react-i18next'
import { Brand } from '../../common/Brand.tsx'
import { SkipLink } from '../../common/SkipLink.tsx'
import { useDocumentTitle } from '../../common/useDocumentTitle.ts'
import { navigate } from '../../routing.ts'
import type { BadLinkReason } from './checkAccess.ts'

/**
 * A full page for a link that cannot open the workshop: what happened in plain words, and the
 * one thing to do (ask the facilitator for a new link). No error codes.
 */
export function BadLinkPage({ reason }: { reason: BadLinkReason }) {
  const { t } = useTranslation()
  useDocumentTitle(t('badLink.documentTitle'))
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <Brand />
      </header>
      <main id="main" tabIndex={-1} className="page page--narrow">
        <section className="panel panel--centered bad-link" aria-labelledby="bad-link-title">
          <h1 id="bad-link-title" className="panel__title">
            {t('badLink.title')}
          </h1>
          <p>{t(`badLink.${reason}`)}</p>
          <p className="bad-link__ask">{t('badLink.ask')}</p>
          <button type="button" className="button button--secondary" onClick={() => navigate('/')}>
            {t('badLink.home')}
          </button>
        </section>
      </main>
    </>
  )
}

/** While the link is being checked: nothing for a moment, then a calm line (no spinner flash). */
export function OpeningWorkshop() {
  const { t } = useTranslation()
  return (
    <main id="main" tabIndex={-1} className="page page--narrow opening" aria-busy="true">
      <p className="opening__text">{t('badLink.opening')}</p>
    </main>
  )
}
