import { useTranslation } from 'react-i18next'
import { setLocked } from '../../../../shared/doc/index.ts'
import type { Role } from '../../../../shared/protocol.ts'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'

/**
 * "Read-only" for everyone while the facilitator has locked the board (the server refuses board
 * writes then, the facilitator's included). Said once by screen readers when it appears. The
 * facilitator gets "Unlock the board" right here (words pointing at the toolbar's lock sent them
 * the wrong way on a phone, where it is in "More").
 */
export function LockedBanner({ role }: { role: Role }) {
  const { t } = useTranslation()
  const locked = useStore((s) => s.control?.locked === true)
  // Locked with the report handed out is how a workshop ends: "paused" would promise more.
  const ended = useStore((s) => s.control?.allowParticipantExport === true)
  if (!locked || role === 'screen') return null
  const text = role === 'facilitator' ? 'stageArea.locked.facilitator' : ended ? 'stageArea.locked.participantEnded' : 'stageArea.locked.participant'
  return (
    <div className="locked-banner" role="status">
      <span className="locked-banner__badge">{t('stageArea.locked.badge')}</span>
      <p className="locked-banner__text">{t(text)}</p>
      {role === 'facilitator' && <UnlockButton />}
    </div>
  )
}

function UnlockButton() {
  const { t } = useTranslation()
  const { control } = useWorkshopDocs()
  return (
    <button
      type="button"
      className="button button--secondary"
      disabled={!control}
      onClick={() => {
        if (!control) return
        setLocked(control, false)
        // The banner and this button go with the lock: focus stays on the page, not lost to <body>.
        document.getElementById('main')?.focus()
      }}
    >
      {t('stageArea.locked.unlock')}
    </button>
  )
}
