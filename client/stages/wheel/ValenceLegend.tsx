import { useTranslation } from 'react-i18next'
import type { WheelTreeNode } from '../../../shared/doc/index.ts'
import { VALENCE_CHOICES, ValenceMark, valenceKey } from './valence.tsx'
import { valenceCounts } from './wheelModel.ts'

/** The key to the colours and glyphs, with how many consequences carry each: "+ Positive 5". */
export function ValenceLegend({ tree }: { tree: readonly WheelTreeNode[] }) {
  const { t } = useTranslation()
  const counts = valenceCounts(tree)
  return (
    <div className="wheel-legend">
      <p className="wheel-legend__total">{t('wheel.summary.total', { count: counts.total })}</p>
      <ul className="wheel-legend__list ui-list" aria-label={t('wheel.summary.legend')}>
        {VALENCE_CHOICES.map((valence) => (
          <li key={valenceKey(valence)} className="wheel-legend__item">
            <ValenceMark valence={valence} />
            <span className="wheel-legend__count">{counts[valenceKey(valence) as keyof typeof counts]}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
