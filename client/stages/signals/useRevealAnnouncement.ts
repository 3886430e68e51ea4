import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../shared/protocol.ts'
import { useAnnounce } from '../../ui/index.ts'

/**
 * Tells screen-reader users what everyone else sees happen: private writing starting, and the
 * cards arriving on the wall when the facilitator reveals them or ends private mode. Not to the
 * facilitator: the console's button says it as they press it (`PrivateRoundButton`), and once is enough.
 */
export function useRevealAnnouncement(privateOn: boolean, revealSeq: number, role: Role): void {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const previous = useRef<{ privateOn: boolean; revealSeq: number } | null>(null)
  useEffect(() => {
    const before = previous.current
    previous.current = { privateOn, revealSeq }
    if (!before || role === 'facilitator') return
    if (!before.privateOn && privateOn) announce(t('signals.private.started'))
    else if ((before.privateOn && !privateOn) || revealSeq > before.revealSeq) announce(t('signals.private.revealed'))
  }, [privateOn, revealSeq, role, announce, t])
}
