import type { StageProps } from '../types.ts'

/** Placeholder until the frame stage lands. */
export default function FrameStage(_props: StageProps) {
  return null
}
