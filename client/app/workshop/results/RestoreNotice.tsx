import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { closeRestoreNotice } from '../../../../shared/doc/index.ts'
import { useStore } from '../../../state/store.ts'
import { selectCurrentStageId } from '../../../state/selectors.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { formatClock } from '../../../i18n/formatClock.ts'
import { useRecentRestore } from './useRecentRestore.ts'
import './results.css'

/**
 * "The facilitator restored the board to 10:42": everyone (the projector too) learns why cards
 * came back or went away. It goes after `RESTORE_RECENT_MS`, at the next stage change (also for a page
 * opened after it: the restore names its stage), or when closed:
 * by anyone on their own device, by a facilitator for the room, the projector included (it has no
 * button, and before, a projector left open showed one restore's notice for the rest of the day).
 */
export function RestoreNotice({ role }: { role: 'facilitator' | 'participant' | 'screen' }) {
  const { t, i18n } = useTranslation()
  const restore = useRecentRestore()
  const stageId = useStore(selectCurrentStageId)
  const { control } = useWorkshopDocs()
  const [closedAt, setClosedAt] = useState<number | null>(null)
  /** The stage when this page first showed the restore: the next stage is news of its own. */
  const [seen, setSeen] = useState<{ at: number; stageId: string | null } | null>(null)
  const at = restore?.at ?? null
  useEffect(() => {
    if (at !== null) setSeen((current) => (current?.at === at ? current : { at, stageId }))
  }, [at, stageId])
  if (!restore || restore.closed || restore.at === closedAt) return null
  // News on the stage it happened on (a restore from before the server named it: the stage this
  // page first saw it on). A page that saw it drops it once the room moves on, back again or not;
  // a page opened later on that stage cannot tell, and shows it for the rest of its time.
  if (restore.stageId !== undefined && restore.stageId !== stageId) return null
  if (seen?.at === restore.at && seen.stageId !== stageId) return null
  const time = formatClock(restore.snapshotAt, i18n.language)
  return (
    <div className="restore-notice ui-toolbar" role="status">
      <p className="restore-notice__text">{restore.undo ? t('results.restoreNotice.undone', { time }) : t('results.restoreNotice.restored', { time })}</p>
      {role !== 'screen' && (
        <button
          type="button"
          className="button button--ghost results-button--small"
          onClick={() => {
            setClosedAt(restore.at)
            if (role === 'facilitator' && control) closeRestoreNotice(control)
          }}
        >
          {t(role === 'facilitator' ? 'results.restoreNotice.closeForAll' : 'results.restoreNotice.close')}
        </button>
      )}
    </div>
  )
}
