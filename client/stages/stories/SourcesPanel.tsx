import { memo, useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { CitationSource } from '../../../shared/doc/stories/index.ts'
import { KindIcon } from './kindIcons.tsx'

interface SourcesPanelProps {
  sources: readonly CitationSource[]
  /** Shows the source's first chip in the text; absent where there is no editor (projector). */
  onReveal?: ((source: CitationSource) => void) | undefined
  /** 4 under a story's title in the workspace, 3 on the projector. */
  headingLevel?: 3 | 4
}

/**
 * What the story draws on, read from its chips: each item once, with how often it is cited. An
 * item deleted since stays listed, marked removed, so the group sees what their story lost.
 */
export const SourcesPanel = memo(function SourcesPanel({ sources, onReveal, headingLevel = 4 }: SourcesPanelProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const Heading = `h${headingLevel}` as const
  return (
    <section className="story-panel sources" aria-labelledby={headingId}>
      <Heading id={headingId} className="story-panel__title">
        {t('stories.sources.title')} <span className="story-panel__count">{sources.length}</span>
      </Heading>
      {sources.length === 0 ? (
        <p className="story-panel__empty">{t(onReveal ? 'stories.sources.empty' : 'stories.sources.emptyReadOnly')}</p>
      ) : (
        <ul className="sources__list ui-stack ui-list">
          {sources.map((source) => (
            <li key={`${source.kind}|${source.refId}`} className={`source source--${source.kind}${source.removed ? ' source--removed' : ''}`}>
              <KindIcon kind={source.kind} className="source__icon" />
              <span className="source__text">
                <span className="source__kind">{t(source.removed ? `stories.chip.removed.${source.kind}` : `stories.kind.${source.kind}`)}</span>
                {onReveal ? (
                  <button type="button" className="source__name" onClick={() => onReveal(source)} title={t('stories.sources.reveal')}>
                    {source.name}
                  </button>
                ) : (
                  <span className="source__name">{source.name}</span>
                )}
              </span>
              {source.count > 1 && <span className="source__count">{t('stories.sources.times', { count: source.count })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
})
