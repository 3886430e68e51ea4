import type { ScreenProps } from '../types.ts'
import './styles/base.css'
import { AnnounceClosing } from './AnnounceClosing.tsx'
import { AssessEmpty } from './AssessEmpty.tsx'
import { HeadingLevelContext } from './Heading.tsx'
import { ProgressView } from './ProgressView.tsx'
import { ResultsView } from './ResultsView.tsx'
import { useAssessClosed, useOrderedTrends } from './useAssessData.ts'

/**
 * Stage 4 on the projector: while voting is open, the pace (how many have placed and voted,
 * nobody's answers); once the facilitator closes it, the group's result, sized for the wall. Its
 * headings start a level higher than on a laptop: the projector has no stage heading above them.
 */
export default function ScreenAssess({ stage }: ScreenProps) {
  const trends = useOrderedTrends()
  const closed = useAssessClosed(stage.id)

  let body
  if (trends.length === 0) body = <AssessEmpty role="screen" />
  else if (closed) body = <ResultsView stage={stage} role="screen" />
  else body = <ProgressView stage={stage} />

  return (
    <HeadingLevelContext.Provider value={2}>
      <div className="assess assess--screen">
        {body}
        <AnnounceClosing closed={closed} />
      </div>
    </HeadingLevelContext.Provider>
  )
}
