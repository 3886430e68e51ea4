import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * "Skip to main content". It moves focus without touching `location.hash`: the fragment holds the
 * workshop key and must stay in the address bar for people to copy.
 */
export function SkipLink({ targetId = 'main' }: { targetId?: string }) {
  const { t } = useTranslation()
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault()
    const target = document.getElementById(targetId)
    target?.focus()
    target?.scrollIntoView?.()
  }
  return (
    <a className="skip-link" href={`#${targetId}`} onClick={skip}>
      {t('app.skipToContent')}
    </a>
  )
}
