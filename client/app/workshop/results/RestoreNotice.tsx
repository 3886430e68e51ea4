import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../../state/store.ts'
import { formatClock } from '../../../i18n/formatClock.ts'
import './results.css'

/** How long after a restore the notice stays for someone who has not closed it. */
const SHOWN_FOR_MS = 15 * 60_000

/**
 * "The facilitator restored the board to 10:42": everyone (the projector too) learns why cards
 * came back or went away. Closing it hides that one restore on this device.
 */
export function RestoreNotice({ dismissible = true }: { dismissible?: boolean }) {
  const { t, i18n } = useTranslation()
  const restore = useStore((s) => s.control?.lastRestore ?? null)
  const [closedAt, setClosedAt] = useState<number | null>(null)
  // Measured against the restore's own time: a notice from yesterday is not news.
  const [openedAt] = useState(() => Date.now())
  if (!restore || restore.at === closedAt || openedAt - restore.at > SHOWN_FOR_MS) return null
  const time = formatClock(restore.snapshotAt, i18n.language)
  return (
    <div className="restore-notice ui-toolbar" role="status">
      <p className="restore-notice__text">{restore.undo ? t('results.restoreNotice.undone', { time }) : t('results.restoreNotice.restored', { time })}</p>
      {dismissible && (
        <button type="button" className="button button--ghost results-button--small" onClick={() => setClosedAt(restore.at)}>
          {t('results.restoreNotice.close')}
        </button>
      )}
    </div>
  )
}
