import { useTranslation } from 'react-i18next'

/** While the link is being checked: nothing for a moment, then a calm line (no spinner flash). */
export function OpeningWorkshop() {
  const { t } = useTranslation()
  return (
    <main id="main" tabIndex={-1} className="page page--narrow opening" aria-busy="true">
      <p className="opening__text">{t('workshop.opening')}</p>
    </main>
  )
}
