import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useAnnounce } from '../../ui/index.ts'
import type { StageProps } from '../types.ts'
import './styles/base.css'
import { AssessEmpty } from './AssessEmpty.tsx'
import { FacilitatorBar } from './FacilitatorBar.tsx'
import { FacilitatorTakePart } from './FacilitatorTakePart.tsx'
import { HeadingLevelContext } from './Heading.tsx'
import { PlacingView } from './PlacingView.tsx'
import { ProgressView } from './ProgressView.tsx'
import { ResultsView } from './ResultsView.tsx'
import { useAssessClosed, useBoardLocked, useOrderedTrends } from './useAssessData.ts'

/**
 * Stage 4, Assess: decide which trends matter most. While voting is open each person places every
 * trend on their own impact × uncertainty grid and spreads their dots, seeing nobody else's; the
 * projector shows the pace. When the facilitator closes voting, every screen shows the group's
 * result: medians, spread, outliers to discuss, dots, and the key drivers the facilitator marks.
 */
export default function AssessStage({ stage, role }: StageProps) {
  const trends = useOrderedTrends()
  const closed = useAssessClosed(stage.id)
  const locked = useBoardLocked()

  let body
  if (trends.length === 0) body = <AssessEmpty role={role} />
  else if (closed) body = <ResultsView stage={stage} role={role} />
  else if (role === 'screen') body = <ProgressView stage={stage} />
  else if (role === 'facilitator') body = <FacilitatorTakePart stage={stage} />
  else body = <PlacingView stage={stage} readOnly={locked} />

  return (
    <HeadingLevelContext.Provider value={role === 'screen' ? 2 : 3}>
      <div className={`assess assess--${role}`}>
        {role === 'facilitator' && trends.length > 0 && <FacilitatorBar stage={stage} closed={closed} />}
        {body}
        <AnnounceClosing closed={closed} />
      </div>
    </HeadingLevelContext.Provider>
  )
}

/** Tells screen-reader users when the facilitator closes or reopens voting (not on first render). */
function AnnounceClosing({ closed }: { closed: boolean }) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const previous = useRef(closed)
  useEffect(() => {
    if (previous.current === closed) return
    previous.current = closed
    announce(closed ? t('assess.announce.closed') : t('assess.announce.reopened'))
  }, [closed, announce, t])
  return null
}
