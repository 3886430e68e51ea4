import { useTranslation } from 'react-i18next'

/** The product mark: a small warm dot and the name. Decorative apart from the name. */
export function Brand() {
  const { t } = useTranslation()
  return (
    <span className="brand">
      <span className="brand__mark" aria-hidden="true" />
      <span className="brand__name">{t('app.name')}</span>
    </span>
  )
}
