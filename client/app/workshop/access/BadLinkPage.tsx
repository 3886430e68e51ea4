import { useTranslation } from 'react-i18next'
import { MessagePage } from '../../common/MessagePage.tsx'
import type { BadLinkReason } from './checkAccess.ts'

/**
 * A full page for a link that cannot open the workshop: what happened in plain words, and the
 * one thing to do (ask the facilitator for a new link). No error codes.
 */
export default function BadLinkPage({ reason }: { reason: BadLinkReason }) {
  const { t } = useTranslation()
  return (
    <MessagePage documentTitle={t('badLink.documentTitle')} title={t('badLink.title')} homeLabel={t('badLink.home')} className="bad-link">
      <p>{t(`badLink.${reason}`)}</p>
      <p className="bad-link__ask">{t('badLink.ask')}</p>
    </MessagePage>
  )
}
