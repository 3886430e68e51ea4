/** Words shared by the assess stage's components: trend names and positions said aloud. */
import type { TFunction } from 'i18next'
import type { Trend } from '../../../shared/schema/index.ts'
import { formatScale, quadrantsAt, type Position } from './gridMath.ts'
import type { Message } from './assessModel.ts'

/** A trend's name, or "Unnamed trend" for one made by dropping two cards together. */
export function trendName(t: TFunction, trend: Pick<Trend, 'name'>): string {
  return trend.name.trim() || t('assess.unnamedTrend')
}

/** "impact 7 of 10, uncertainty 3 of 10: plan for these" */
export function positionText(t: TFunction, position: Position, language: string): string {
  return t('assess.position', {
    impact: formatScale(position.impact, language),
    uncertainty: formatScale(position.uncertainty, language),
    quadrant: quadrantName(t, position),
  })
}

/** "Critical uncertainties"; on a midline both sides' names ("Critical uncertainties / Keep watching"); "Middle of the grid". */
export function quadrantName(t: TFunction, position: Position): string {
  const quadrants = quadrantsAt(position)
  return quadrants.length === 4 ? t('assess.quadrant.middle') : quadrants.map((quadrant) => t(`assess.quadrant.${quadrant}.name`)).join(' / ')
}

export function messageText(t: TFunction, message: Message): string {
  return t(message.key, message.values)
}
