import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { signalAuthors } from '../../../shared/doc/derive/wall.ts'
import { sourceDomain } from '../../../shared/util/url.ts'
import { selectThemes } from '../../state/selectors.ts'
import { useStore } from '../../state/store.ts'
import { useHyphenate } from '../../ui/hyphenate.ts'
import { CategoryTag } from '../../ui/index.ts'
import { FocusGone } from './FocusGone.tsx'

/** One signal card, projector-sized: title, tags, what is happening, why it matters, source, authors. */
export function FocusedSignal({ id }: { id: string }) {
  const { t } = useTranslation()
  const hyphenate = useHyphenate()
  const signal = useStore((s) => s.board?.signals.get(id) ?? null)
  const participants = useStore((s) => s.board?.participants)
  const themes = useStore(selectThemes)
  // Names stay hidden after a private round when the facilitator chose so.
  const hideNames = useStore((s) => s.control?.privateMode.hideNamesAfterReveal === true)
  const authors = useMemo(
    () =>
      signal && !hideNames
        ? signalAuthors(signal)
            .map((pid) => participants?.get(pid)?.name.trim())
            .filter(Boolean)
        : [],
    [signal, participants, hideNames],
  )
  if (!signal) return <FocusGone />
  const theme = themes.find((candidate) => candidate.id === signal.themeId)
  const domain = sourceDomain(signal.sourceUrl)
  return (
    <article className="focus-card ui-stack ui-frame">
      <h2 className="focus-card__title">{hyphenate(signal.title)}</h2>
      {(signal.category || theme) && (
        <p className="focus-card__tags">
          <CategoryTag category={signal.category} className="focus-card__tag" />
          {theme && <span className="tag focus-card__tag focus-card__theme">{theme.label}</span>}
        </p>
      )}
      {signal.description && <p className="focus-card__text">{signal.description}</p>}
      {signal.whyItMatters && (
        <div className="focus-card__part">
          <h3 className="focus-card__subheading">{t('screen.focus.whyItMatters')}</h3>
          <p className="focus-card__text">{signal.whyItMatters}</p>
        </div>
      )}
      {(domain || authors.length > 0) && (
        <p className="focus-card__meta">
          {[domain && t('screen.focus.source', { domain }), authors.length > 0 && t('screen.focus.by', { names: authors.join(', ') })]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
    </article>
  )
}
