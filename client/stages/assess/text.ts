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

/** "Critical uncertainties"; on a midline both sides' ("between Critical uncertainties and Keep watching"); "Middle of the grid". */
export function quadrantName(t: TFunction, position: Position): string {
  const [a, b, ...more] = quadrantsAt(position).map((quadrant) => t(`assess.quadrant.${quadrant}.name`))
  if (more.length > 0) return t('assess.quadrant.middle')
  return b === undefined ? a! : t('assess.quadrant.between', { a, b })
}

export function messageText(t: TFunction, message: Message): string {
  return t(message.key, message.values)
}
