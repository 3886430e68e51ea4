import { useTranslation } from 'react-i18next'
import { MessagePage } from '../../common/MessagePage.tsx'
import type { BadLinkReason } from './checkAccess.ts'

/**
 * A full page for a link that cannot open the workshop: what happened in plain words, and the
 * one thing to do (ask the facilitator for a new link). No error codes.
 */
export function BadLinkPage({ reason }: { reason: BadLinkReason }) {
  const { t } = useTranslation()
  return (
    <MessagePage documentTitle={t('badLink.documentTitle')} title={t('badLink.title')} homeLabel={t('badLink.home')} className="bad-link">
      <p>{t(`badLink.${reason}`)}</p>
      <p className="bad-link__ask">{t('badLink.ask')}</p>
    </MessagePage>
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
