/**
 * The statistics behind the assessment view. The group is small (3–60 people) and placements are
 * bounded (0..1), so robust statistics built on the median serve better than mean and standard
 * deviation: one person dragging a trend into a far corner must not move the group's answer.
 */

/** Median of the values; `null` for none. Even counts average the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const upper = sorted[mid] as number
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2
}

/**
 * Median absolute deviation: the median distance from the median. "Half the room placed it within
 * ±MAD of the group's answer" is a sentence a facilitator can say aloud; interquartile ranges need
 * an interpolation rule that is hard to explain and jumpy for five people.
 */
export function medianAbsoluteDeviation(values: readonly number[]): number | null {
  const centre = median(values)
  if (centre === null) return null
  return median(values.map((value) => Math.abs(value - centre)))
}

/**
 * The first and third quartiles (linear interpolation between closest ranks): the middle half of
 * the placements lies between them. `null` for no values.
 */
export function quartiles(values: readonly number[]): { q1: number; q3: number } | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const at = (p: number) => {
    const index = p * (sorted.length - 1)
    const low = Math.floor(index)
    const high = Math.ceil(index)
    return sorted[low]! + (sorted[high]! - sorted[low]!) * (index - low)
  }
  return { q1: at(0.25), q3: at(0.75) }
}
