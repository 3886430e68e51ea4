import type { StageProps } from '../types.ts'
import './styles/base.css'
import { AnnounceClosing } from './AnnounceClosing.tsx'
import { AssessEmpty } from './AssessEmpty.tsx'
import { FacilitatorBar } from './FacilitatorBar.tsx'
import { FacilitatorTakePart } from './FacilitatorTakePart.tsx'
import { HeadingLevelContext } from './Heading.tsx'
import { PlacingView } from './PlacingView.tsx'
import { ResultsView } from './ResultsView.tsx'
import { useAssessClosed, useBoardLocked, useOrderedTrends } from './useAssessData.ts'

/**
 * Stage 4, Assess: decide which trends matter most. While voting is open each person places every
 * trend on their own impact × uncertainty grid and spreads their dots, seeing nobody else's; the
 * projector shows the pace (`ScreenAssess.tsx`). When the facilitator closes voting, every screen shows the group's
 * result: medians, spread, outliers to discuss, dots, and the key drivers the facilitator marks.
 */
export default function AssessStage({ stage, role }: StageProps) {
  const trends = useOrderedTrends()
  const closed = useAssessClosed(stage.id)
  const locked = useBoardLocked()

  let body
  if (trends.length === 0) body = <AssessEmpty role={role} />
  else if (closed) body = <ResultsView stage={stage} role={role} />
  else if (role === 'facilitator') body = <FacilitatorTakePart stage={stage} />
  else body = <PlacingView stage={stage} readOnly={locked} />

  return (
    <HeadingLevelContext.Provider value={3}>
      <div className={`assess assess--${role}`}>
        {role === 'facilitator' && trends.length > 0 && <FacilitatorBar stage={stage} closed={closed} />}
        {body}
        <AnnounceClosing closed={closed} />
      </div>
    </HeadingLevelContext.Provider>
  )
}
