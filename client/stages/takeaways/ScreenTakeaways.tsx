import { memo, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useHyphenate } from '../../ui/hyphenate.ts'
import type { Takeaway } from '../../../shared/schema/index.ts'
import { FitPages } from '../../ui/fit/FitPages.tsx'
import { LinkChips } from './LinkChips.tsx'
import { columnsByWhen, plusOnesOf } from './takeawaysModel.ts'
import { usePlusOnes, useTakeaways } from './useTakeawaysData.ts'
import { TakeawaysEmpty } from './TakeawaysEmpty.tsx'
import './takeaways.css'
import './screenTakeaways.css'

/** Full (who, where it comes from, +1s) → compact (who, +1s) → the actions alone with their +1s. */
const DENSITIES = ['full', 'compact', 'titles'] as const
type Density = (typeof DENSITIES)[number]

const nothingToAdd = () => {}

/** Stage 7 on the projector: the takeaways, or the example card of what one looks like while there are none. */
export default function ScreenTakeaways() {
  const count = useTakeaways().size
  return <div className="takeaways takeaways--screen">{count === 0 ? <TakeawaysEmpty canAdd={false} onAdd={nothingToAdd} /> : <TakeawayColumns />}</div>
}

/**
 * Takeaways on the projector, in projector-size type: now → within a year → within five years,
 * each starting its own column, the most agreed first. When they outgrow the screen they get
 * denser, then turn pages by themselves.
 */
function TakeawayColumns() {
  const { t } = useTranslation()
  const takeaways = useTakeaways()
  const plusOnes = usePlusOnes()
  const columns = useMemo(() => columnsByWhen(takeaways, plusOnes, 'agreed'), [takeaways, plusOnes])
  // Hyphenation (ScreenTakeaway) changes where the text breaks: the fit is found again once it is in.
  const hyphenate = useHyphenate()
  const contentKey = useMemo(() => [columns, hyphenate], [columns, hyphenate])
  return (
    <section className="screen-takeaways fit-host" aria-labelledby="screen-takeaways-title">
      <h2 id="screen-takeaways-title" className="visually-hidden">
        {t('stage.takeaways.name')}
      </h2>
      <FitPages levels={DENSITIES} contentKey={contentKey} className="screen-takeaways__flow">
        {(density) =>
          columns.map(({ when, takeaways: cards }) => (
            <section key={when} className={`screen-takeaways__when screen-takeaways__when--${when}`} aria-labelledby={`screen-takeaways-${when}`}>
              <h3 id={`screen-takeaways-${when}`} className="screen-takeaways__heading">
                {t(`takeaways.when.${when}`)}
                <span className="screen-takeaways__count">{cards.length}</span>
              </h3>
              {cards.length === 0 && <p className="screen-takeaways__empty">{t(`takeaways.column.empty.${when}`)}</p>}
              {cards.map((takeaway) => (
                <ScreenTakeaway key={takeaway.id} takeaway={takeaway} plusOnes={plusOnesOf(plusOnes, takeaway.id).count} density={density} />
              ))}
            </section>
          ))
        }
      </FitPages>
    </section>
  )
}

const ScreenTakeaway = memo(function ScreenTakeaway({ takeaway, plusOnes, density }: { takeaway: Takeaway; plusOnes: number; density: Density }) {
  const { t } = useTranslation()
  const hyphenate = useHyphenate()
  return (
    <article className="screen-takeaway ui-frame ui-stack">
      <p className="screen-takeaway__text">{hyphenate(takeaway.text)}</p>
      {density !== 'titles' && (
        <p className="screen-takeaway__who">
          <span className="screen-takeaway__label">{t('takeaways.card.who')}</span> {takeaway.who.trim() || t('takeaways.card.noWho')}
        </p>
      )}
      {density === 'full' && <LinkChips trendIds={takeaway.trendIds} storyIds={takeaway.storyIds} />}
      {plusOnes > 0 && <p className="screen-takeaway__plus">{t('takeaways.plusOne.count', { count: plusOnes })}</p>}
    </article>
  )
})
