import { useTranslation } from 'react-i18next'

/** What shows when the focused item was deleted after it was put on screen. */
export function FocusGone() {
  const { t } = useTranslation()
  return <p className="focus-view__gone">{t('screen.focus.gone')}</p>
}
