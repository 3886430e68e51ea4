import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { formatJoinCode } from '../../shared/joinCode.ts'
import { joinAddress, joinCodeLink, type JoinCodeState } from '../app/join/useWorkshopJoinCode.ts'
import { QrCode } from './QrCode.tsx'

interface JoinPanelProps {
  join: JoinCodeState
  joined: number
}

/**
 * "Join in": the QR code, and for those who cannot scan, the short address and the code to type
 * there — exactly as a browser takes them. Large beside the focal question while people arrive;
 * `side`, a column beside a later stage's work while the facilitator has just turned it on
 * (screen.css says how large the code is there, and why).
 */
export function JoinPanel({ join, joined, side = false }: JoinPanelProps & { side?: boolean }) {
  const { t } = useTranslation()
  const id = useId()
  const origin = window.location.origin
  return (
    <aside className={`join-panel${side ? ' join-panel--side' : ''} ui-stack ui-frame`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="join-panel__title">
        {t('screen.join.title')}
      </h2>
      {join.kind === 'ready' ? (
        <>
          <QrCode value={joinCodeLink(origin, join.code)} label={t('screen.join.qrLabel')} className="join-panel__qr" />
          <p className="join-panel__how">{t('screen.join.goTo')}</p>
          <p className="join-panel__address" data-join-address>
            {joinAddress(origin)}
          </p>
          <p className="join-panel__how">{t('screen.join.type')}</p>
          <p className="join-panel__code" data-join-code>
            {formatJoinCode(join.code)}
          </p>
        </>
      ) : (
        <p className="join-panel__missing">{t(join.kind === 'loading' ? 'screen.join.loading' : 'screen.join.missing')}</p>
      )}
      {/* In the column, "12 joined": the whole sentence took two lines there. */}
      <p className="join-panel__count">{t(side ? 'screen.join.joinedShort' : 'screen.join.joined', { count: joined })}</p>
    </aside>
  )
}

/** The corner code, once most people are in: where to type and what, for latecomers. */
export function JoinCorner({ join, joined }: JoinPanelProps) {
  const { t } = useTranslation()
  if (join.kind !== 'ready') return null
  const origin = window.location.origin
  return (
    <aside className="join-corner" aria-label={t('screen.join.title')}>
      <QrCode value={joinCodeLink(origin, join.code)} label={t('screen.join.qrLabel')} className="join-corner__qr" />
      <p className="join-corner__text">
        <span className="join-corner__address" data-join-address>
          {joinAddress(origin)}
        </span>
        <span className="join-corner__code" data-join-code>
          {formatJoinCode(join.code)}
        </span>
      </p>
      <p className="join-corner__count">{t('screen.join.joinedShort', { count: joined })}</p>
    </aside>
  )
}
