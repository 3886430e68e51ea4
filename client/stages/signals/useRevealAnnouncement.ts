import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useAnnounce } from '../../ui/index.ts'

/**
 * Tells screen-reader users what everyone else sees happen: private writing starting, and the
 * cards arriving on the wall when the facilitator reveals them or ends private mode.
 */
export function useRevealAnnouncement(privateOn: boolean, revealSeq: number): void {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const previous = useRef<{ privateOn: boolean; revealSeq: number } | null>(null)
  useEffect(() => {
    const before = previous.current
    previous.current = { privateOn, revealSeq }
    if (!before) return
    if (!before.privateOn && privateOn) announce(t('signals.private.started'))
    else if ((before.privateOn && !privateOn) || revealSeq > before.revealSeq) announce(t('signals.private.revealed'))
  }, [privateOn, revealSeq, announce, t])
}
