import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../state/store.ts'
import { usePeople } from '../sync/presence.ts'
import { shortLink, useJoinLink } from './joinLink.ts'
import { QrCode } from './QrCode.tsx'
import { joinedCount } from './screenModel.ts'

const NO_PARTICIPANTS: ReadonlyMap<string, unknown> = new Map()

/**
 * "Join in": the QR code of the participant link, the address to read off the wall, and how many
 * have joined. Large beside the focal question at the start; a compact corner on later stages.
 */
export function JoinPanel({ size }: { size: 'large' | 'compact' }) {
  const { t } = useTranslation()
  const id = useId()
  const workshopId = useStore((s) => s.session?.workshopId ?? null)
  const join = useJoinLink(workshopId)
  const participants = useStore((s) => s.board?.participants ?? NO_PARTICIPANTS)
  const people = usePeople()
  const joined = useMemo(() => joinedCount(participants.keys(), people), [participants, people])

  return (
    <aside className={`join-panel join-panel--${size}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="join-panel__title">
        {t('screen.join.title')}
      </h2>
      {join.kind === 'ready' ? (
        <>
          <QrCode value={join.link} label={t('screen.join.qrLabel')} className="join-panel__qr" />
          {/* In the corner of a later stage the code is enough; the address is for the opening screen. */}
          {size === 'large' && (
            <>
              <p className="join-panel__how">{t('screen.join.scan')}</p>
              <p className="join-panel__address">{shortLink(join.link)}</p>
            </>
          )}
        </>
      ) : (
        join.kind === 'missing' && <p className="join-panel__missing">{t('screen.join.missing')}</p>
      )}
      <p className="join-panel__count">{t(size === 'large' ? 'screen.join.joined' : 'screen.join.joinedShort', { count: joined })}</p>
    </aside>
  )
}
