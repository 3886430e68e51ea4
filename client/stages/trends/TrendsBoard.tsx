import { memo, useCallback, useRef, useState } from 'react'
import type { SignalGroups } from '../../../shared/doc/index.ts'
import type { Role } from '../../../shared/protocol.ts'
import { useStore } from '../../state/store.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { EmptyState } from '../../ui/index.ts'
import { moveAnnouncement, TrendsActionsProvider, useTrendsActions, useTrendsActionsValue } from './actions.tsx'
import { CardActionsDialog, type OpenCard } from './CardActionsDialog.tsx'
import { BoardTextProvider, useBoardText } from './boardText.tsx'
import { DeleteTrendDialog } from './DeleteTrendDialog.tsx'
import { TrendsDnd } from './dnd/TrendsDnd.tsx'
import { SuggestGroups } from './suggest/SuggestGroups.tsx'
import { useFocusFollowsCards } from './focusCard.ts'
import { useRenderTiming } from './renderTiming.ts'
import { TrendCluster } from './TrendCluster.tsx'
import { TRENDS_MAIN_ID, UnsortedPile } from './UnsortedPile.tsx'
import { useActor, useFocusedTrendId, useSettleConcurrentMoves, useSignalGroups } from './useTrendsBoard.ts'

/**
 * The working board for participants and the facilitator: the unsorted pile beside the trends,
 * drag and drop around both, and the dialogs that do the same without dragging.
 */
export function TrendsBoard({ role, readOnly }: { role: Role; readOnly: boolean }) {
  const { board, control } = useWorkshopDocs()
  const actor = useActor()
  const groups = useSignalGroups()
  const [openCard, setOpenCard] = useState<OpenCard | null>(null)
  const [deleting, setDeleting] = useState<string | null>(null)
  const actions = useTrendsActionsValue({
    board,
    control,
    actor,
    openCard: (signalId, fromTrendId) => setOpenCard({ signalId, fromTrendId }),
    openDeleteConfirm: setDeleting,
  })
  useRenderTiming('trends', groups.unsorted.length + groups.trends.length > 0)
  useSettleConcurrentMoves(readOnly ? null : board, role, actor)

  const layout = <BoardLayout groups={groups} readOnly={readOnly} facilitator={role === 'facilitator'} />
  return (
    <TrendsActionsProvider value={actions}>
      <BoardTextProvider>
        {readOnly ? layout : <TrendsDnd>{layout}</TrendsDnd>}
        <CardActionsDialog card={openCard} groups={groups} onClose={() => setOpenCard(null)} />
        <DeleteTrendDialog trendId={deleting} groups={groups} onClose={() => setDeleting(null)} />
      </BoardTextProvider>
    </TrendsActionsProvider>
  )
}

interface BoardLayoutProps {
  groups: SignalGroups
  readOnly: boolean
  facilitator: boolean
}

/** Trends whose cards render with the first paint; the rest as they near the viewport. */
const EAGER_TRENDS = 8

const BoardLayout = memo(function BoardLayout({ groups, readOnly, facilitator }: BoardLayoutProps) {
  const { t } = useBoardText()
  const actions = useTrendsActions()
  const focusedTrendId = useFocusedTrendId()
  const boardEmpty = useStore((s) => (s.board?.signals.size ?? 0) === 0)
  const boardRef = useRef<HTMLDivElement>(null)
  const describeMove = useCallback((signalId: string, trendId: string | null) => moveAnnouncement(t, signalId, trendId), [t])
  useFocusFollowsCards(boardRef, describeMove)
  return (
    <div ref={boardRef} className={readOnly ? 'trends trends--read-only' : 'trends'}>
      <UnsortedPile signals={groups.unsorted} readOnly={readOnly} boardEmpty={boardEmpty} />
      <section id={TRENDS_MAIN_ID} className="trends__main ui-stack" aria-labelledby="trends-list-title" tabIndex={-1}>
        <header className="trends__head ui-toolbar">
          <h2 id="trends-list-title" className="trends__title">
            {t('trends.list.title')} <span className="trends__title-count">{groups.trends.length}</span>
          </h2>
          {readOnly ? (
            // The facilitator's own lock is explained by the banner above the stage, with how to lift it.
            !facilitator && <p className="trends__locked">{t('trends.locked')}</p>
          ) : (
            <button type="button" className="button button--primary" onClick={() => actions.newTrend()}>
              <span className="trends__plus" aria-hidden="true" />
              {t('trends.newTrend')}
            </button>
          )}
        </header>
        {facilitator && !readOnly && <SuggestGroups unsorted={groups.unsorted} />}
        {groups.trends.length > 0 ? (
          <ol className="trends__grid ui-grid-list">
            {groups.trends.map(({ trend, signals }, index) => (
              <li key={trend.id} className="trends__slot">
                <TrendCluster
                  trend={trend}
                  signals={signals}
                  trendCounts={groups.trendIdsBySignal}
                  readOnly={readOnly}
                  facilitator={facilitator}
                  onScreen={focusedTrendId === trend.id}
                  eager={index < EAGER_TRENDS}
                />
              </li>
            ))}
          </ol>
        ) : (
          <EmptyState title={t('trends.list.emptyTitle')} text={t(readOnly ? 'trends.list.emptyReadOnly' : 'trends.list.emptyText')} headingLevel={3} />
        )}
      </section>
    </div>
  )
})
