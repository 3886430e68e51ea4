import { useState } from 'react'
import type { SignalGroups } from '../../../shared/doc/index.ts'
import { useStore } from '../../state/store.ts'
import { Dialog, moveFocusWithArrows } from '../../ui/index.ts'
import { useTrendsActions } from './actions.tsx'
import { focusCardWhenShown } from './focusCard.ts'
import { useBoardText } from './boardText.tsx'
import './dialogs.css'

export interface OpenCard {
  signalId: string
  /** Where the card was when the dialog opened; null = unsorted. */
  fromTrendId: string | null
}

interface CardActionsDialogProps {
  card: OpenCard | null
  groups: SignalGroups
  onClose(): void
}

type Mode = 'move' | 'support'

/**
 * "Move to…" and "Also supports…" without dragging: for keyboards, screen readers and phones,
 * and for anyone who finds a menu easier than a drag. The lists come from the current snapshot,
 * so a trend someone else just made is already there.
 */
export function CardActionsDialog({ card, groups, onClose }: CardActionsDialogProps) {
  const { t } = useBoardText()
  const [mode, setMode] = useState<Mode>('move')
  const signal = useStore((s) => (card ? s.board?.signals.get(card.signalId) : undefined))
  const close = () => {
    setMode('move')
    onClose()
  }
  return (
    <Dialog
      open={card !== null && signal !== undefined}
      onClose={close}
      title={signal?.title ?? ''}
      description={card && where(card.fromTrendId)}
      size="medium"
    >
      {card && signal && <Body card={card} groups={groups} mode={card.fromTrendId === null ? 'move' : mode} setMode={setMode} close={close} />}
    </Dialog>
  )

  function where(trendId: string | null) {
    if (trendId === null) return t('trends.card.inUnsorted')
    const trend = groups.trends.find((g) => g.trend.id === trendId)?.trend
    return t('trends.card.inTrend', { trend: trend?.name || t('trends.unnamed') })
  }
}

function Body({ card, groups, mode, setMode, close }: { card: OpenCard; groups: SignalGroups; mode: Mode; setMode(mode: Mode): void; close(): void }) {
  const { t } = useBoardText()
  const actions = useTrendsActions()
  const { signalId, fromTrendId } = card
  const backs = new Set(groups.trendIdsBySignal.get(signalId) ?? [])
  const others = groups.trends.filter((g) => g.trend.id !== fromTrendId)
  const nameOf = (name: string) => name || t('trends.unnamed')

  const moveTo = (toTrendId: string | null) => {
    actions.move(signalId, fromTrendId, toTrendId)
    close()
    focusCardWhenShown(signalId, toTrendId, 'more')
  }

  return (
    <div className="card-actions ui-stack">
      {fromTrendId !== null && (
        <div className="segmented segmented--words card-actions__modes" role="group" aria-label={t('trends.card.modes')}>
          {(['move', 'support'] as const).map((option) => (
            <button key={option} type="button" className="segmented__option" aria-pressed={mode === option} onClick={() => setMode(option)}>
              {t(`trends.card.mode.${option}`)}
            </button>
          ))}
        </div>
      )}

      {mode === 'move' ? (
        <>
          <h3 className="card-actions__heading">{t('trends.card.moveTo')}</h3>
          <ul className="card-actions__list ui-list" onKeyDown={moveFocusWithArrows}>
            {fromTrendId !== null && (
              <li>
                <button type="button" className="card-actions__option" onClick={() => moveTo(null)}>
                  <span className="card-actions__name">{t('trends.unsorted.title')}</span>
                </button>
              </li>
            )}
            {others.map(({ trend, signals }) => (
              <li key={trend.id}>
                <button type="button" className="card-actions__option" onClick={() => moveTo(trend.id)}>
                  <span className="card-actions__name">{nameOf(trend.name)}</span>
                  <span className="card-actions__detail">
                    {backs.has(trend.id) ? t('trends.card.alreadyThere') : t('trends.count', { count: signals.length })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button--secondary card-actions__new"
            onClick={() => {
              actions.newTrend({ signalId, fromTrendId })
              close()
            }}
          >
            {t('trends.card.newTrend')}
          </button>
        </>
      ) : (
        <>
          <h3 className="card-actions__heading">{t('trends.card.alsoSupports')}</h3>
          <p className="card-actions__hint">{t('trends.card.alsoSupportsHint')}</p>
          <ul className="card-actions__list ui-list" onKeyDown={moveFocusWithArrows}>
            {others.map(({ trend }) => {
              const on = backs.has(trend.id)
              return (
                <li key={trend.id}>
                  <button
                    type="button"
                    className="card-actions__option card-actions__option--toggle"
                    aria-pressed={on}
                    onClick={() => (on ? actions.removeFromTrend(signalId, trend.id) : actions.support(signalId, trend.id))}
                  >
                    <span className="card-actions__check" aria-hidden="true" />
                    <span className="card-actions__name">{nameOf(trend.name)}</span>
                  </button>
                </li>
              )
            })}
          </ul>
        </>
      )}

      {fromTrendId !== null && (
        <button
          type="button"
          className="button button--ghost card-actions__remove"
          onClick={() => {
            actions.removeFromTrend(signalId, fromTrendId)
            close()
          }}
        >
          {t('trends.card.remove', { trend: nameOf(groups.trends.find((g) => g.trend.id === fromTrendId)?.trend.name ?? '') })}
        </button>
      )}
    </div>
  )
}
