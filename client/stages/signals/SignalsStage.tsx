import type { StageProps } from '../types.ts'

/** Placeholder until the signals stage lands. */
export default function SignalsStage(_props: StageProps) {
  return null
}
