import { useCallback, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { castVote, placeAssessment, removeAssessment, retractVote, voteRulesFor } from '../../../shared/doc/index.ts'
import type { Stage } from '../../../shared/schema/index.ts'
import { useContextStoreApi } from '../../state/storeContext.ts'
import { useAnnounce } from '../../ui/index.ts'
import './styles/placing.css'
import { AssessGrid } from './AssessGrid.tsx'
import { dotsLeftMessage, myVoteCounts, sumCounts, voteFeedback, type Message } from './assessModel.ts'
import { DotsSummary } from './DotsSummary.tsx'
import { defaultPlacement } from './labelLayout.ts'
import type { Position } from './gridMath.ts'
import { LockIcon } from '../../ui/LockIcon.tsx'
import { OwnMarker, type MoveSource } from './OwnMarker.tsx'
import { PlacementRow } from './PlacementList.tsx'
import { messageText, positionText, trendName } from './text.ts'
import { UnplacedTray } from './UnplacedTray.tsx'
import { useLabelPlacements } from './useLabelPlacements.ts'
import { useAssessCommands, useKeyDrivers, useMyPlacements, useMyVoteCounts, useOrderedTrends } from './useAssessData.ts'
import { Heading } from './Heading.tsx'
import { useSayDone } from './useSayDone.ts'

/**
 * Voting is open: this person places each trend on their own grid (drag, arrows, or the numbers
 * in the list) and spreads their dots. Nobody else's placements or dots are shown.
 */
export function PlacingView({ stage, readOnly }: { stage: Stage; readOnly: boolean }) {
  const { t, i18n } = useTranslation()
  const announce = useAnnounce()
  const store = useContextStoreApi()
  const trends = useOrderedTrends()
  const mine = useMyPlacements()
  const myVotes = useMyVoteCounts(stage.id)
  const keyDrivers = useKeyDrivers()
  const { board, actor } = useAssessCommands()
  const plotRef = useRef<HTMLDivElement>(null)
  const id = useId()
  const [focusTrendId, setFocusTrendId] = useState<string | null>(null)
  /** Why the last "+" gave no dot, and on which trend: said in the summary and beside that button. */
  const [refusal, setRefusal] = useState<{ trendId: string; message: Message } | null>(null)

  const budget = stage.settings.votesPerPerson
  const left = Math.max(0, budget - sumCounts(myVotes))
  const keyDriverSet = useMemo(() => new Set(keyDrivers), [keyDrivers])
  const numbered = useMemo(() => trends.map((trend, index) => ({ trend, number: index + 1 })), [trends])

  const sayDone = useSayDone(stage.id)

  const place = useCallback(
    (trendId: string, position: Position, source?: MoveSource) => {
      if (!board || !actor) return
      // The last trend onto the grid, every dot given: the stage's work is done.
      const completes = left === 0 && !mine.has(trendId) && trends.every((trend) => trend.id === trendId || mine.has(trend.id))
      placeAssessment(board, { trendId, impact: position.impact, uncertainty: position.uncertainty }, actor)
      if (completes) sayDone()
      if (source === 'keyboard') announce(positionText(t, position, i18n.language))
    },
    [board, actor, announce, t, i18n.language, left, mine, trends, sayDone],
  )

  const placeFromTray = useCallback(
    (trendId: string, position: Position, focus: boolean) => {
      place(trendId, position)
      setFocusTrendId(focus ? trendId : null)
    },
    [place],
  )

  const remove = useCallback(
    (trendId: string) => {
      if (!board || !actor) return
      removeAssessment(board, trendId, actor)
      const trend = store.getState().board?.trends.get(trendId)
      if (trend) announce(t('assess.marker.removed', { name: trendName(t, trend) }))
      // The marker is gone: give focus to the trend's chip, back in the tray.
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-tray-trend="${trendId}"]`)?.focus())
    },
    [board, actor, announce, store, t],
  )

  /** A first entry left invalid in a 0–10 box takes the trend off the grid again; the box says so. */
  const unplace = useCallback(
    (trendId: string) => {
      if (board && actor) removeAssessment(board, trendId, actor)
    },
    [board, actor],
  )

  const vote = useCallback(
    (trendId: string) => {
      const control = store.getState().control
      if (!board || !actor || !control) return
      const rules = voteRulesFor(control, stage.id)
      const result = castVote(board, { trendId, stageId: stage.id }, actor, rules)
      // The last dot given, every trend placed: the stage's work is done.
      if (result.ok && result.remaining === 0 && trends.every((trend) => mine.has(trend.id))) sayDone()
      const message = voteFeedback(result, rules)
      setRefusal(result.ok ? null : { trendId, message })
      announce(messageText(t, message))
    },
    [board, actor, store, stage.id, announce, t, trends, mine, sayDone],
  )

  const retract = useCallback(
    (trendId: string) => {
      if (!board || !actor) return
      if (!retractVote(board, { trendId, stageId: stage.id }, actor)) return
      setRefusal(null)
      const snapshot = store.getState().board
      const spent = snapshot ? sumCounts(myVoteCounts(snapshot.votes, snapshot.trends, stage.id, actor.participantId)) : 0
      announce(messageText(t, dotsLeftMessage(Math.max(0, budget - spent), budget)))
    },
    [board, actor, store, stage.id, budget, announce, t],
  )

  const unplaced = numbered.filter(({ trend }) => !mine.has(trend.id))
  const labelItems = useMemo(
    () =>
      numbered.flatMap(({ trend }) => {
        const placement = mine.get(trend.id)
        return placement ? [{ id: trend.id, position: placement, chars: trendName(t, trend).length }] : []
      }),
    [numbered, mine, t],
  )
  const labels = useLabelPlacements(plotRef, labelItems)

  return (
    <div className="assess-placing">
      <section className="assess-placing__board" aria-labelledby={`${id}-grid`}>
        <div className="assess-section-head">
          <Heading id={`${id}-grid`} className="assess-section-title">
            {t('assess.placing.title')}
          </Heading>
          <p className="assess-privacy">
            <LockIcon />
            <span>{t('assess.placing.private')}</span>
          </p>
        </div>
        <UnplacedTray items={unplaced} plotRef={plotRef} readOnly={readOnly} onPlace={placeFromTray} />
        <AssessGrid plotRef={plotRef} caption={t('assess.placing.caption')}>
          {numbered.map(({ trend, number }) => {
            const placement = mine.get(trend.id)
            if (!placement) return null
            return (
              <OwnMarker
                key={trend.id}
                trend={trend}
                number={number}
                position={placement}
                plotRef={plotRef}
                hintId={`${id}-hint`}
                label={labels.get(trend.id) ?? defaultPlacement(placement)}
                keyDriver={keyDriverSet.has(trend.id)}
                readOnly={readOnly}
                focusOnMount={focusTrendId === trend.id}
                onMove={place}
                onRemove={remove}
              />
            )
          })}
        </AssessGrid>
        <p id={`${id}-hint`} className="assess-hint">
          {t('assess.marker.hint')}
        </p>
      </section>
      <section className="assess-placing__list" aria-labelledby={`${id}-list`}>
        <Heading id={`${id}-list`} className="assess-section-title">
          {budget > 0 ? t('assess.list.titleWithDots') : t('assess.list.title')}
        </Heading>
        {budget > 0 && <DotsSummary left={left} total={budget} refusal={refusal?.message ?? null} />}
        <ol className="assess-list ui-list">
          {numbered.map(({ trend, number }) => (
            <PlacementRow
              key={trend.id}
              trend={trend}
              number={number}
              placement={mine.get(trend.id) ?? null}
              myVotes={myVotes.get(trend.id) ?? 0}
              keyDriver={keyDriverSet.has(trend.id)}
              votesPerPerson={budget}
              budgetSpent={left === 0}
              refusal={refusal?.trendId === trend.id ? messageText(t, refusal.message) : null}
              readOnly={readOnly}
              onPlace={place}
              onUnplace={unplace}
              onVote={vote}
              onRetract={retract}
            />
          ))}
        </ol>
      </section>
    </div>
  )
}
