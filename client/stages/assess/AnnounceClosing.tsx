import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useAnnounce } from '../../ui/index.ts'

/** Tells screen-reader users when the facilitator closes or reopens voting (not on first render). */
export function AnnounceClosing({ closed }: { closed: boolean }) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const previous = useRef(closed)
  useEffect(() => {
    if (previous.current === closed) return
    previous.current = closed
    announce(closed ? t('assess.announce.closed') : t('assess.announce.reopened'))
  }, [closed, announce, t])
  return null
}
