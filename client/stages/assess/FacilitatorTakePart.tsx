import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Stage } from '../../../shared/schema/index.ts'
import './styles/progress.css'
import { PlacingView } from './PlacingView.tsx'
import { useMyPlacements } from './useAssessData.ts'

/**
 * The facilitator's own grid, folded away by default: they mostly guide, and their screen should
 * show the room's pace first. It opens by itself once they have placed something.
 */
export function FacilitatorTakePart({ stage }: { stage: Stage }) {
  const { t } = useTranslation()
  const id = useId()
  const hasPlaced = useMyPlacements().size > 0
  const [choice, setChoice] = useState<boolean | null>(null)
  const expanded = choice ?? hasPlaced
  return (
    <div className="assess-take-part">
      <div className="assess-take-part__bar">
        <button type="button" className="button button--secondary" aria-expanded={expanded} aria-controls={id} onClick={() => setChoice(!expanded)}>
          {expanded ? t('assess.facilitator.hideOwn') : t('assess.facilitator.showOwn')}
        </button>
        {!expanded && <p className="assess-take-part__hint">{t('assess.facilitator.ownHint')}</p>}
      </div>
      <div id={id} hidden={!expanded}>
        {expanded && <PlacingView stage={stage} readOnly={false} />}
      </div>
    </div>
  )
}
