/**
 * Two people's edits of one text, made at the same time from the same starting text, kept both.
 *
 * A trend's narrative is one value in the shared document: whoever saves last replaces it whole,
 * so when two people typed into it at once, one of them lost every word (the room test of 7
 * December, twice in two tries). While typing, a person changes one stretch of the text (adds a
 * sentence, rewrites a phrase), so each side's change is taken as the one stretch between the
 * start and the end the two texts share with `base`, and:
 *
 * - stretches apart (or both inserts at one place) are both applied, with a space between two
 *   texts typed at one place; at such a tie theirs goes first, unless the place is where this
 *   person's own last save ended (`baseReplaced`: what that save, which `base` is, replaced):
 *   they are going on with their own words. A pause mid-word saved "Libr", the other's sentence
 *   was put after it, and "aries" went after theirs: "Libr Neighbours lend… aries lend…";
 * - stretches that overlap keep their text, with mine after it as a paragraph of its own: what
 *   mine deleted inside theirs may come back, but no word either of them wrote is lost.
 *
 * `caret` maps a position in `mine` (where the person's cursor is) to the same place in the
 * result, so the field can put it back after showing the merged text.
 */
export interface MergedText {
  text: string
  caret(positionInMine: number): number
}

export function mergeText(base: string, mine: string, theirs: string, baseReplaced?: string): MergedText {
  if (theirs === base || theirs === mine) return { text: mine, caret: (position) => position }
  if (mine === base) return { text: theirs, caret: (position) => Math.min(position, theirs.length) }
  const my = changedStretch(base, mine)
  const their = changedStretch(base, theirs)
  // Both inserting at one place: theirs first, unless mine goes on from where my last save ended.
  const tie = my.start === my.end && their.start === their.end && my.start === their.start
  const own = tie && baseReplaced !== undefined ? changedStretch(baseReplaced, base) : null
  const goingOn = own !== null && own.text !== '' && own.start + own.text.length === my.start
  const theirsFirst = their.end <= my.start && !goingOn
  if (theirsFirst || my.end <= their.start) {
    const [first, second] = theirsFirst ? [their, my] : [my, their]
    // Two sentences typed at one place (an empty narrative) must not run together.
    const gap = first.end === second.start && /\S$/.test(first.text) && /^\S/.test(second.text) ? ' ' : ''
    const text = base.slice(0, first.start) + first.text + gap + base.slice(first.end, second.start) + second.text + base.slice(second.end)
    const pastGap = (position: number) => (theirsFirst ? position >= my.start : position > my.start + my.text.length)
    return { text, caret: (position) => caretAfterBoth(position, my, their, theirsFirst) + (pastGap(position) ? gap.length : 0) }
  }
  const added = my.text.trim()
  const text = added === '' ? theirs : `${theirs.trimEnd()}\n\n${added}`
  return { text, caret: () => text.length }
}

interface Stretch {
  /** Where the changed stretch starts and ends in the base text. */
  start: number
  end: number
  /** What replaces it. */
  text: string
}

/** The one stretch of `base` that `edited` replaced: between their common start and common end. */
function changedStretch(base: string, edited: string): Stretch {
  let start = 0
  const shortest = Math.min(base.length, edited.length)
  while (start < shortest && base[start] === edited[start]) start++
  let fromEnd = 0
  while (fromEnd < shortest - start && base[base.length - 1 - fromEnd] === edited[edited.length - 1 - fromEnd]) fromEnd++
  return { start, end: base.length - fromEnd, text: edited.slice(start, edited.length - fromEnd) }
}

/** Where a position in `mine` is in the text with both stretches applied. */
function caretAfterBoth(position: number, my: Stretch, their: Stretch, theirsFirst: boolean): number {
  const myGrowth = my.text.length - (my.end - my.start)
  const theirGrowth = their.text.length - (their.end - their.start)
  // In (or at either end of) the person's own stretch: it moved only if theirs came before it.
  if (position >= my.start && position <= my.start + my.text.length) return position + (theirsFirst ? theirGrowth : 0)
  // Elsewhere mine is the base text; inside their stretch the caret goes to its end.
  let inBase = position < my.start ? position : position - myGrowth
  if (inBase > their.start && inBase < their.end) inBase = their.end
  return inBase + (inBase >= my.end ? myGrowth : 0) + (inBase >= their.end ? theirGrowth : 0)
}
