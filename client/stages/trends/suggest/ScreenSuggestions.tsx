import { useTranslation } from 'react-i18next'
import type { ShownSuggestion } from '../../../../shared/schema/index.ts'
import { selectSignals } from '../../../state/selectors.ts'
import { useStore } from '../../../state/store.ts'
import './suggest.css'

const NONE: readonly ShownSuggestion[] = []
/** Titles per group on the projector; the rest are counted ("and 4 more"). */
const TITLES_SHOWN = 3
/** Groups that fit one 1080p screen at this size; the rest are counted. */
const GROUPS_SHOWN = 6

/** Whether the facilitator has put suggested groups on the projector. */
export function useShownSuggestions(): readonly ShownSuggestion[] {
  return useStore((s) => s.control?.suggestions ?? NONE)
}

/**
 * Suggested groups on the projector, as a starting point for discussion: each group's name,
 * what explains it, and its first signals, in large type. Read-only; it follows the
 * facilitator's panel (accepting or dismissing one takes it off here too).
 */
export function ScreenSuggestions({ suggestions }: { suggestions: readonly ShownSuggestion[] }) {
  const { t } = useTranslation()
  const signals = useStore(selectSignals)
  const restCount = Math.max(0, suggestions.length - GROUPS_SHOWN)
  return (
    <section className="projector-suggest ui-stack" aria-labelledby="projector-suggest-title">
      <h2 id="projector-suggest-title" className="projector-suggest__title">
        {t('trendSuggest.projectorHeading')}
      </h2>
      <ol className="projector-suggest__grid ui-grid-list">
        {suggestions.slice(0, GROUPS_SHOWN).map((suggestion, index) => {
          const titles = suggestion.signalIds.flatMap((id) => signals.get(id)?.title ?? [])
          const more = Math.max(0, titles.length - TITLES_SHOWN)
          return (
            <li key={index} className="projector-suggest__group">
              <h3 className="projector-suggest__name">{suggestion.label || t('trendSuggest.unnamed')}</h3>
              {suggestion.keywords.length > 0 && <p className="projector-suggest__why">{suggestion.keywords.join(' · ')}</p>}
              {suggestion.links.length > 0 && <p className="projector-suggest__links">{suggestion.links.slice(0, 2).join(', ')}</p>}
              <ul className="projector-suggest__signals">
                {titles.slice(0, TITLES_SHOWN).map((title, i) => (
                  <li key={i}>{title}</li>
                ))}
              </ul>
              {more !== 0 && <p className="projector-suggest__more">{t('trendSuggest.projectorMore', { count: more })}</p>}
            </li>
          )
        })}
      </ol>
      {restCount !== 0 && <p className="projector-suggest__rest">{t('trendSuggest.projectorMoreGroups', { count: restCount })}</p>}
    </section>
  )
}
