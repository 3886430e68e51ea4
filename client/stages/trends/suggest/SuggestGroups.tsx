import { useCallback, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createTrendWithSignals, deleteTrend, showSuggestions } from '../../../../shared/doc/index.ts'
import type { ShownSuggestion, Signal } from '../../../../shared/schema/index.ts'
import { selectSignals } from '../../../state/selectors.ts'
import { useStore } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { useAnnounce } from '../../../ui/index.ts'
import { useActor } from '../useTrendsBoard.ts'
import { OwnWords } from './OwnWords.tsx'
import { SuggestionCard } from './SuggestionCard.tsx'
import { usePrepareSuggestions, useSuggestions, type Suggestion } from './useSuggestions.ts'
import './suggest.css'

const NONE_SHOWN: readonly ShownSuggestion[] = []

interface Accepted {
  trendId: string
  name: string
  count: number
  suggestion: Suggestion
  index: number
}

/**
 * The facilitator's "Suggest groups": proposes groups of the unsorted signals, explains each,
 * and lets the facilitator accept (a trend with those signals; undoable), edit (rename, leave
 * signals out) or dismiss each one. Nothing is applied without a click. The suggestions can be
 * put on the projector as a starting point for the room's discussion.
 */
export function SuggestGroups({ unsorted }: { unsorted: readonly Signal[] }) {
  const { t } = useTranslation()
  const id = useId()
  const announce = useAnnounce()
  const { board, control } = useWorkshopDocs()
  const actor = useActor()
  const signals = useStore(selectSignals)
  const shown = useStore((s) => s.control?.suggestions ?? NONE_SHOWN)
  const { state, suggest, update, restore, close } = useSuggestions()
  usePrepareSuggestions(unsorted)
  const [accepted, setAccepted] = useState<Accepted | null>(null)
  const [onProjector, setOnProjector] = useState(false)
  const open = state.status !== 'closed'

  // The projector shows what the panel shows, and nothing once the facilitator stops it.
  const list = state.status === 'ready' ? state.suggestions : null
  useEffect(() => {
    if (!control) return
    const next = onProjector && list ? list.map(toShown) : []
    if (JSON.stringify(next) !== JSON.stringify(shown)) showSuggestions(control, next)
  }, [control, onProjector, list, shown])

  const accept = useCallback(
    (suggestion: Suggestion, index: number) => {
      if (!board || !actor) return
      const ids = suggestion.signalIds.filter((signalId) => signals.has(signalId))
      const name = suggestion.name.trim()
      const trendId = createTrendWithSignals(board, { name }, ids, actor)
      update(suggestion.key, () => null)
      setAccepted({ trendId, name: name || t('trendSuggest.unnamed'), count: ids.length, suggestion, index })
      announce(t('trendSuggest.accepted', { name: name || t('trendSuggest.unnamed'), count: ids.length }))
    },
    [board, actor, signals, update, announce, t],
  )

  const undoAccept = () => {
    if (!board || !accepted) return
    deleteTrend(board, accepted.trendId)
    restore(accepted.suggestion, accepted.index)
    setAccepted(null)
    announce(t('trendSuggest.undone'))
  }

  const stop = () => {
    setOnProjector(false)
    setAccepted(null)
    close()
  }

  return (
    <div className="suggest">
      {!open && (
        <button type="button" className="button button--secondary suggest__open" disabled={unsorted.length < 2} onClick={() => void suggest(unsorted)}>
          <span className="suggest__spark" aria-hidden="true" />
          {t('trendSuggest.open')}
        </button>
      )}
      {open && (
        <section className="suggest__panel ui-frame ui-stack" aria-labelledby={`${id}-heading`}>
          <header className="suggest__head ui-toolbar">
            <h3 id={`${id}-heading`} className="suggest__heading">
              {t('trendSuggest.heading')}
            </h3>
            <div className="suggest__tools">
              {state.status === 'ready' && state.suggestions.length > 0 && (
                <button type="button" className="button button--secondary" aria-pressed={onProjector} onClick={() => setOnProjector((on) => !on)}>
                  {onProjector ? t('trendSuggest.hideFromProjector') : t('trendSuggest.showOnProjector')}
                </button>
              )}
              <button type="button" className="button button--secondary" onClick={() => void suggest(unsorted)}>
                {t('trendSuggest.again')}
              </button>
              <button type="button" className="button button--ghost" onClick={stop}>
                {t('trendSuggest.close')}
              </button>
            </div>
          </header>
          <p className="suggest__intro">{t('trendSuggest.intro')}</p>
          <OwnWords />
          {accepted && (
            <p className="suggest__status" role="status">
              {t('trendSuggest.accepted', { name: accepted.name, count: accepted.count })}{' '}
              <button
                type="button"
                className="button button--ghost suggest__undo"
                aria-label={t('trendSuggest.undoNamed', { name: accepted.name })}
                onClick={undoAccept}
              >
                {t('trendSuggest.undo')}
              </button>
            </p>
          )}
          {state.status === 'working' && <p className="suggest__note">{t('trendSuggest.working')}</p>}
          {state.status === 'failed' && (
            <p className="suggest__note suggest__note--error" role="alert">
              {t('trendSuggest.failed')}
            </p>
          )}
          {state.status === 'ready' &&
            (state.suggestions.length === 0 ? (
              <p className="suggest__note">{t(accepted ? 'trendSuggest.noneLeft' : 'trendSuggest.none')}</p>
            ) : (
              <>
                <p className="suggest__count">
                  {t('trendSuggest.count', { count: state.suggestions.length, signals: t('trendSuggest.unsorted', { count: unsorted.length }) })}
                  {onProjector && <span className="badge suggest__on-air">{t('trendSuggest.onProjector')}</span>}
                </p>
                <ol className="suggest__list ui-list">
                  {state.suggestions.map((suggestion, index) => (
                    <li key={suggestion.key}>
                      <SuggestionCard
                        suggestion={suggestion}
                        signals={signals}
                        onRename={(name) => update(suggestion.key, (s) => ({ ...s, name }))}
                        onLeaveOut={(signalId) => update(suggestion.key, (s) => ({ ...s, signalIds: s.signalIds.filter((x) => x !== signalId) }))}
                        onAccept={() => accept(suggestion, index)}
                        onDismiss={() => update(suggestion.key, () => null)}
                      />
                    </li>
                  ))}
                </ol>
              </>
            ))}
        </section>
      )}
    </div>
  )
}

function toShown(suggestion: Suggestion): ShownSuggestion {
  return {
    label: suggestion.name.slice(0, 200),
    keywords: suggestion.keywords.slice(0, 8),
    links: suggestion.links.slice(0, 5),
    signalIds: suggestion.signalIds.slice(0, 300),
  }
}
