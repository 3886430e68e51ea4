import type { StageProps } from '../types.ts'

/** Placeholder until the assess stage lands. */
export default function AssessStage(_props: StageProps) {
  return null
}
