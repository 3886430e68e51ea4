/**
 * Presence colours: twelve that stay apart for the common colour-vision deficiencies and on a
 * light background (Okabe–Ito without its yellow, then Paul Tol's darker muted tones). Colour is
 * never the only cue: names, or initials on the avatars, always go with it.
 */
export const PRESENCE_COLORS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#332288',
  '#882255',
  '#117733',
  '#AA4499',
  '#44AA99',
  '#000000',
] as const

/** A stable colour for an id, used until the person is on the board (see `colorByJoinOrder`). */
export function colorForId(id: string): string {
  let hash = 0
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0]
}

/**
 * The colour of the n-th person to join the board: the first twelve people in a workshop all get
 * different colours (a hash of their ids would repeat one among four people a third of the time),
 * and every device agrees, because the order comes from the shared board. `null` for someone not
 * on the board yet.
 */
export function colorByJoinOrder(participants: ReadonlyMap<string, { readonly joinedAt: number }>, id: string): string | null {
  return colorsByJoinOrder(participants).get(id) ?? null
}

/**
 * A person's colour, the same on every screen and device: by their place in the board's join
 * order, or (not on the board yet) their id's own. Cards, chips, carets and the header all read it.
 */
export function personColor(participants: ReadonlyMap<string, { readonly joinedAt: number }> | undefined, id: string): string {
  return (participants && colorsByJoinOrder(participants).get(id)) ?? colorForId(id)
}

/**
 * Everyone's join-order colour, worked out once per participant list: every card's author dot
 * reads it on each board change, and the list stays the same object until someone joins.
 */
const joinOrderColors = new WeakMap<ReadonlyMap<string, { readonly joinedAt: number }>, Map<string, string>>()
function colorsByJoinOrder(participants: ReadonlyMap<string, { readonly joinedAt: number }>): Map<string, string> {
  let colors = joinOrderColors.get(participants)
  if (!colors) {
    const order = [...participants].sort(([a, p], [b, q]) => p.joinedAt - q.joinedAt || (a < b ? -1 : a > b ? 1 : 0))
    colors = new Map(order.map(([id], index) => [id, PRESENCE_COLORS[index % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0]]))
    joinOrderColors.set(participants, colors)
  }
  return colors
}
