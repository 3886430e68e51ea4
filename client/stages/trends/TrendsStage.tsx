import { useStore } from '../../state/store.ts'
import type { StageProps } from '../types.ts'
import { TrendsBoard } from './TrendsBoard.tsx'
import { canContribute } from '../../../shared/permissions.ts'
import { useViewer } from '../../state/useViewer.ts'
import './trends.css'

/**
 * Stage 3, "make sense": cluster the signals into trends / driving forces, name each and write
 * its short narrative. Participants and the facilitator work on the board; the projector shows
 * the clusters read-only in big type, or the one trend the facilitator put on screen
 * (`ScreenTrends.tsx`).
 */
export default function TrendsStage({ role }: StageProps) {
  const viewer = useViewer(role)
  const boardOpen = useStore((s) => s.board !== null)
  if (!boardOpen) return null
  // A locked workshop is read-only for everyone, the facilitator included (the server refuses those writes).
  return <TrendsBoard role={role} readOnly={!canContribute(viewer)} />
}
