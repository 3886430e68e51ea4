import type { StageProps } from '../types.ts'

/** Placeholder until the trends stage lands. */
export default function TrendsStage(_props: StageProps) {
  return null
}
