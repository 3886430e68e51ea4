import { useTranslation } from 'react-i18next'
import type { ShownSuggestion } from '../../../../shared/schema/index.ts'
import { selectSignals } from '../../../state/selectors.ts'
import { useStore } from '../../../state/store.ts'
import { FitPages } from '../../../ui/fit/FitPages.tsx'
import './suggest.css'
import { KEYWORD_SEPARATOR } from '../../../ui/keywords.ts'

const NONE: readonly ShownSuggestion[] = []
/**
 * Full (what explains the group, and three of its signals) → compact (the explanation, two) →
 * names (the name and its words): the groups get denser as they outgrow the screen, then turn
 * pages (ui/fit), so nothing is cut at the bottom of the projector.
 */
const DENSITIES = ['full', 'compact', 'names'] as const
type Density = (typeof DENSITIES)[number]
const TITLES_SHOWN: Record<Density, number> = { full: 3, compact: 2, names: 0 }

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
  return (
    <section className="projector-suggest fit-host" aria-labelledby="projector-suggest-title">
      <h2 id="projector-suggest-title" className="projector-suggest__title">
        {t('trendSuggest.projectorHeading')}
      </h2>
      <FitPages levels={DENSITIES} contentKey={suggestions} className="projector-suggest__flow" label={t('trendSuggest.projectorHeading')}>
        {(density) =>
          suggestions.map((suggestion, index) => {
            const titles = suggestion.signalIds.flatMap((id) => signals.get(id)?.title ?? [])
            const shown = TITLES_SHOWN[density]
            const more = titles.length - shown
            return (
              <article key={index} role="listitem" className="projector-suggest__group">
                <h3 className="projector-suggest__name">{suggestion.label || t('trendSuggest.unnamed')}</h3>
                {suggestion.keywords.length > 0 && <p className="projector-suggest__why">{suggestion.keywords.join(KEYWORD_SEPARATOR)}</p>}
                {density === 'full' && suggestion.links.length > 0 && <p className="projector-suggest__links">{suggestion.links.slice(0, 2).join(', ')}</p>}
                {shown > 0 && (
                  <ul className="projector-suggest__signals">
                    {titles.slice(0, shown).map((title, i) => (
                      <li key={i}>{title}</li>
                    ))}
                  </ul>
                )}
                {more > 0 && (
                  <p className="projector-suggest__more">{t(shown > 0 ? 'trendSuggest.projectorMore' : 'trendSuggest.projectorSignals', { count: more })}</p>
                )}
              </article>
            )
          })
        }
      </FitPages>
    </section>
  )
}
