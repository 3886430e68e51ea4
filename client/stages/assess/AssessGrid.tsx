import type { ReactNode, Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlacedTitle, TitleWay } from './chartLayout.ts'
import { QUADRANTS } from './gridMath.ts'
import './styles/grid.css'

/** The attributes styles/grid.css draws a quadrant's title by, all of them. */
export const TITLE_ATTRIBUTES = ['data-title', 'data-title-side', 'data-hint'] as const

/** Those drawing its title one way (ResultsChart sets each way in turn to measure it). */
export function titleAttributes({ inward, across, hint }: TitleWay): Partial<Record<(typeof TITLE_ATTRIBUTES)[number], string>> {
  return { ...(inward ? { 'data-title': 'inward' } : {}), ...(across ? { 'data-title-side': 'across' } : {}), ...(hint ? {} : { 'data-hint': 'hidden' }) }
}

const IN_ITS_CORNER: TitleWay = { inward: false, across: false, hint: true }

interface AssessGridProps {
  /** The plot area, for turning pointer positions into grid positions. */
  plotRef?: Ref<HTMLDivElement>
  /** Says whose markers these are ("Your placements" / "The group's result"). */
  caption: string
  /** Markers, positioned in % of the plot (see styles/grid.css `.grid-marker`). */
  children?: ReactNode
  className?: string
  /** How each quadrant's title is drawn, clear of the result chart's badges (chartLayout's `placeTitles`); else in its corner with its hint. */
  titles?: readonly PlacedTitle[] | undefined
}

/**
 * The impact × uncertainty grid: impact up the side, uncertainty along the bottom, each quadrant
 * named in the method's words in its outer corner so the middle stays free for markers. The
 * quadrant names are also read out once (the figure's description) for screen readers.
 */
export function AssessGrid({ plotRef, caption, children, className, titles }: AssessGridProps) {
  const { t } = useTranslation()
  return (
    <figure className={`assess-grid ${className ?? ''}`}>
      <figcaption className="visually-hidden">
        {caption}. {t('assess.grid.description')}
      </figcaption>
      {/* Written bottom to top (see styles/grid.css), so "low" comes first. */}
      <div className="assess-grid__y-axis" aria-hidden="true">
        <span className="assess-grid__end">{t('assess.grid.low')}</span>
        <span className="assess-grid__axis-name">{t('assess.grid.impact')} →</span>
        <span className="assess-grid__end">{t('assess.grid.high')}</span>
      </div>
      <div className="assess-grid__plot" ref={plotRef}>
        {QUADRANTS.map((quadrant) => {
          const drawn = titles?.find((title) => title.id === quadrant)
          return (
            <div
              key={quadrant}
              className={`assess-grid__quadrant ui-stack assess-grid__quadrant--${quadrant}`}
              data-quadrant={quadrant}
              {...titleAttributes(drawn ?? IN_ITS_CORNER)}
              aria-hidden="true"
            >
              <span className="assess-grid__quadrant-name">{t(`assess.quadrant.${quadrant}.name`)}</span>
              <span className="assess-grid__quadrant-hint">{t(`assess.quadrant.${quadrant}.hint`)}</span>
            </div>
          )
        })}
        {children}
      </div>
      <div className="assess-grid__x-axis" aria-hidden="true">
        <span className="assess-grid__end">{t('assess.grid.low')}</span>
        <span className="assess-grid__axis-name">{t('assess.grid.uncertainty')} →</span>
        <span className="assess-grid__end">{t('assess.grid.high')}</span>
      </div>
    </figure>
  )
}
