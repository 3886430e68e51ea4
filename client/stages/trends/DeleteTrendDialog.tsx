import type { SignalGroups } from '../../../shared/doc/index.ts'
import { Dialog } from '../../ui/index.ts'
import { useTrendsActions } from './actions.tsx'
import { useBoardText } from './boardText.tsx'
import './dialogs.css'

/**
 * Asks once before deleting a trend that has cards or text. Its cards are not deleted: they go
 * back to the unsorted pile (or stay in the other trends they back).
 */
export function DeleteTrendDialog({ trendId, groups, onClose }: { trendId: string | null; groups: SignalGroups; onClose(): void }) {
  const { t } = useBoardText()
  const actions = useTrendsActions()
  const group = trendId === null ? undefined : groups.trends.find((g) => g.trend.id === trendId)
  const name = group?.trend.name || t('trends.unnamed')
  return (
    <Dialog open={group !== undefined} onClose={onClose} title={t('trends.delete.title', { trend: name })} size="small">
      {group && (
        <div className="delete-trend ui-stack">
          <p>{t('trends.delete.body', { count: group.signals.length })}</p>
          <div className="form__actions form__actions--end">
            <button type="button" className="button button--ghost" onClick={onClose} data-autofocus="">
              {t('trends.delete.cancel')}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                actions.deleteTrend(group.trend.id)
                onClose()
              }}
            >
              {t('trends.delete.confirm')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  )
}
