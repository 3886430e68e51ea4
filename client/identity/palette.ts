/**
 * Presence colours: the Okabe–Ito palette, distinguishable with the common colour-vision
 * deficiencies. Colour is never the only cue: names are always shown beside it.
 * (Yellow is left out: it vanishes on a light background.)
 */
export const PRESENCE_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const

/** A stable colour for an id, so a person keeps their colour across devices' reloads. */
export function colorForId(id: string): string {
  let hash = 0
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0]
}
