import { useTranslation } from 'react-i18next'
import type { Role } from '../../../../shared/protocol.ts'
import { useStore } from '../../../state/store.ts'

/**
 * "Read-only" for everyone while the facilitator has locked the board (the server refuses board
 * writes then, the facilitator's included). Said once by screen readers when it appears.
 */
export function LockedBanner({ role }: { role: Role }) {
  const { t } = useTranslation()
  const locked = useStore((s) => s.control?.locked === true)
  if (!locked || role === 'screen') return null
  return (
    <div className="locked-banner" role="status">
      <span className="locked-banner__badge">{t('stageArea.locked.badge')}</span>
      <p className="locked-banner__text">{t(role === 'facilitator' ? 'stageArea.locked.facilitator' : 'stageArea.locked.participant')}</p>
    </div>
  )
}
