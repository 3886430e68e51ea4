import { useTranslation } from 'react-i18next'

/** "★ Key driver": the facilitator's mark, carried into the later stages. Star and words, never colour alone. */
export function KeyDriverBadge() {
  const { t } = useTranslation()
  return (
    <span className="badge key-driver-badge">
      <span aria-hidden="true">★</span>
      {t('assess.keyDriver.badge')}
    </span>
  )
}
