/**
 * A three-way merge of a story's rich text (a Y.XmlFragment as the editor's Yjs binding stores
 * it), for carrying a browser's unsent changes into a board whose history started afresh
 * (`carryOver` in restore.ts). Yjs cannot merge them itself: the new generation's story is a copy
 * with new item ids, so the old copy's changes do not apply to it.
 *
 * `base` is the story as both sides had it, `mine` this copy's version of it and `live` the new
 * generation's, which others may have changed since. `mine` grew from `base`, so their blocks
 * (paragraphs, headings, lists, list items, texts) pair up by Yjs item id; `live` began as a copy
 * of `base`, so its blocks pair up by content, in order. Then, block by block:
 * - changed here only: the live block becomes this version;
 * - changed on both sides: the same kind of block merges child by child, and a text letter by
 *   letter (this copy's insertions and deletions go where the base's letters are now, with their
 *   formatting); anything else keeps theirs and adds this version after it;
 * - new here: added after the block it follows here;
 * - deleted here: deleted there too, unless someone changed it since (their words stay);
 * - changed here and deleted there: it comes back.
 * Carried a second time (a tab closed before the first carry was stored), it adds nothing: a block
 * or letters already where they would go are not written again. Nothing either side wrote is lost. A change of formatting alone, on a text whose letters
 * someone else changed since, follows theirs.
 */
import diff from 'fast-diff'
import * as Y from 'yjs'

type Block = Y.XmlElement | Y.XmlText

/** Writes into `live` what changed from `base` to `mine` (inside the caller's transaction). */
export function mergeStory(live: Y.XmlFragment, base: Y.XmlFragment, mine: Y.XmlFragment): void {
  const baseBlocks = blocksOf(base)
  const liveBlocks = blocksOf(live)
  const mineBlocks = blocksOf(mine)
  const mineById = new Map(mineBlocks.map((block) => [idOf(block), block]))
  const counterpart = pairByContent(baseBlocks, liveBlocks, (index) => mineById.get(idOf(baseBlocks[index]!)))
  const baseById = new Map(baseBlocks.map((block, index) => [idOf(block), index]))
  const mineIds = new Set<string | undefined>()
  // Live blocks that are no base block's: others' new ones, or this copy's carried over before
  // (a tab closed before the first carry was stored carries again): such a one is not added twice.
  const unpaired = new Set(liveBlocks)
  for (const theirs of counterpart.values()) unpaired.delete(theirs)
  const add = (anchor: Block | undefined, ours: Block): Block => {
    const content = ours.toString()
    const there = [...unpaired].find((block) => block.toString() === content)
    if (!there) return insertAfter(live, anchor, ours)
    unpaired.delete(there)
    return there
  }
  /** The live block the next one goes after (none: at the start). */
  let after: Block | undefined
  for (const ours of mineBlocks) {
    const id = idOf(ours)
    mineIds.add(id)
    const index = baseById.get(id)
    if (index === undefined) {
      after = add(after, ours)
      continue
    }
    const before = baseBlocks[index]!
    const theirs = counterpart.get(index)
    const was = before.toString()
    if (ours.toString() === was || (theirs && theirs.toString() === ours.toString())) {
      // Not changed here, or changed to the same on both sides. Deleted there: stays deleted.
      after = theirs ?? after
    } else if (!theirs) {
      after = add(after, ours)
    } else if (theirs.toString() === was) {
      after = replace(live, theirs, ours)
    } else if (theirs instanceof Y.XmlText && before instanceof Y.XmlText && ours instanceof Y.XmlText && mergeText(theirs, before, ours)) {
      after = theirs
    } else if (theirs instanceof Y.XmlElement && before instanceof Y.XmlElement && ours instanceof Y.XmlElement && sameKind(theirs, before, ours)) {
      mergeStory(theirs, before, ours)
      after = theirs
    } else {
      after = add(theirs, ours)
    }
  }
  for (const [index, before] of baseBlocks.entries()) {
    const theirs = counterpart.get(index)
    if (!mineIds.has(idOf(before)) && theirs && theirs.toString() === before.toString()) live.delete(indexIn(live, theirs), 1)
  }
}

/** The blocks of a fragment or element (a hook is no part of a story: the update guard refuses one). */
function blocksOf(parent: Y.XmlFragment): Block[] {
  return parent.toArray().filter((child): child is Block => child instanceof Y.XmlElement || child instanceof Y.XmlText)
}

function idOf(block: Block): string | undefined {
  const id = block._item?.id
  return id && `${id.client}:${id.clock}`
}

function sameKind(...elements: Y.XmlElement[]): boolean {
  const [first, ...rest] = elements.map((element) => `${element.nodeName} ${JSON.stringify(element.getAttributes())}`)
  return rest.every((kind) => kind === first)
}

/**
 * Pairs each base block with its live counterpart. First, in order, the longest common
 * subsequence of blocks that read the same — the same as in the base, or as this copy changed it
 * (carried before, by a tab closed before that carry was stored). Then, between two such pairs,
 * a changed block with the most alike of the same kind there, if at least `ALIKE` of its letters
 * are shared: a block rewritten past that, or someone's new one, is no counterpart, and this
 * copy's change to the base block is then kept beside theirs rather than written into it.
 */
function pairByContent(base: Block[], live: Block[], mineOf: (index: number) => Block | undefined): Map<number, Block> {
  const a = base.map((block) => block.toString())
  const aMine = base.map((_, index) => mineOf(index)?.toString())
  const b = live.map((block) => block.toString())
  // Compared by their words: the element tags every paragraph shares would make any two look alike.
  const words = (xml: string) => xml.replace(/<[^>]*>/g, '')
  const same = (i: number, j: number) => a[i] === b[j] || aMine[i] === b[j]
  // lengths[i][j]: the longest common run of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = same(i, j) ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!)
    }
  }
  const pairs = new Map<number, Block>()
  let unpairedBase: number[] = []
  let unpairedLive: number[] = []
  const pairGap = () => {
    // A gap too wide to compare every pair in (a story rewritten wholesale): nothing paired.
    if (unpairedBase.length * unpairedLive.length <= MOST_COMPARED) {
      let from = 0
      for (const i of unpairedBase) {
        let best = -1
        let bestScore = ALIKE
        for (let k = from; k < unpairedLive.length; k++) {
          const j = unpairedLive[k]!
          if (kindOf(live[j]!) !== kindOf(base[i]!)) continue
          const score = alike(words(a[i]!), words(b[j]!))
          if (score >= bestScore) [best, bestScore] = [k, score]
        }
        if (best < 0) continue
        pairs.set(i, live[unpairedLive[best]!]!)
        from = best + 1
      }
    }
    unpairedBase = []
    unpairedLive = []
  }
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && same(i, j)) {
      pairGap()
      pairs.set(i++, live[j++]!)
    } else if (j >= b.length || (i < a.length && lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      unpairedBase.push(i++)
    } else {
      unpairedLive.push(j++)
    }
  }
  pairGap()
  return pairs
}

/** The share of their letters two blocks' texts have in common (0..1). */
function alike(a: string, b: string): number {
  if (a.length + b.length === 0) return 1
  // Too costly to diff: what they share at their ends, the least they have in common.
  const ends = sameEnds(a, b)
  if (!cheapAround(a, b, ends)) return (2 * ends) / (a.length + b.length)
  let shared = 0
  for (const [op, part] of diff(a, b)) if (op === diff.EQUAL) shared += part.length
  return (2 * shared) / (a.length + b.length)
}

/** The letters `a` and `b` have in common at their start and at their end. */
function sameEnds(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length)
  let start = 0
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++
  let end = 0
  while (end < shorter - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++
  return start + end
}

/**
 * Whether a letter diff of `a` and `b` stays cheap. The diff sets their common start and end
 * aside first; what is left between costs its length times how much it differs, unless one side
 * of it is empty: words only added (a long paste, the usual change held back on its way) or only
 * deleted cost a pass over the text. A middle changed on both sides of more than twice
 * `MOST_LETTERS` letters, the two together, is not diffed (seconds, on the server too, which
 * carries late changes in).
 */
function cheapToDiff(a: string, b: string): boolean {
  return cheapAround(a, b, sameEnds(a, b))
}

/** `cheapToDiff`, given the letters `a` and `b` share at their ends (`sameEnds`). */
function cheapAround(a: string, b: string, ends: number): boolean {
  const [left, right] = [a.length - ends, b.length - ends]
  return left === 0 || right === 0 || left + right <= 2 * MOST_LETTERS
}

/** How alike a changed block and its counterpart must be (see `pairByContent`). */
const ALIKE = 0.5
/** Pairs of blocks compared in one gap at most. */
const MOST_COMPARED = 400
/** Half the letters a text's middle changed on both sides may hold for a letter-by-letter merge or likeness (see `cheapToDiff`). */
const MOST_LETTERS = 5_000

function kindOf(block: Block): string {
  return block instanceof Y.XmlText ? '#text' : block.nodeName
}

function indexIn(parent: Y.XmlFragment, child: Block): number {
  return parent.toArray().indexOf(child)
}

/** Adds a copy of `block` after `anchor` (at the start without one); returns the copy. */
function insertAfter(parent: Y.XmlFragment, anchor: Block | undefined, block: Block): Block {
  const copy = block.clone()
  parent.insert(anchor ? indexIn(parent, anchor) + 1 : 0, [copy])
  return copy
}

function replace(parent: Y.XmlFragment, old: Block, block: Block): Block {
  const at = indexIn(parent, old)
  const copy = block.clone()
  parent.delete(at, 1)
  parent.insert(at, [copy])
  return copy
}

interface Run {
  insert: string
  attributes?: Record<string, unknown>
}

/** The text's runs, or undefined when it holds anything but text (an embed). */
function runsOf(text: Y.XmlText): Run[] | undefined {
  const runs = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]
  return runs.every((run) => typeof run.insert === 'string') ? (runs as Run[]) : undefined
}

/**
 * Puts this copy's insertions and deletions (base → ours, by letters) where the base's letters
 * are in `theirs` now. Applied from the end, so what is still to come keeps its place. False
 * (nothing changed) when a side holds anything but text.
 */
function mergeText(theirs: Y.XmlText, base: Y.XmlText, ours: Y.XmlText): boolean {
  const [baseRuns, ourRuns, theirRuns] = [runsOf(base), runsOf(ours), runsOf(theirs)]
  if (!baseRuns || !ourRuns || !theirRuns) return false
  const [was, mineText, theirText] = [baseRuns, ourRuns, theirRuns].map((runs) => runs.map((run) => run.insert).join(''))
  // A long text changed throughout on a side keeps both versions instead (see `cheapToDiff`).
  if (!cheapToDiff(was!, theirText!) || !cheapToDiff(was!, mineText!)) return false
  // Where each base letter is in their text now (-1: they deleted it).
  const place = new Int32Array(was!.length).fill(-1)
  let at = 0
  let there = 0
  for (const [op, part] of diff(was!, theirText!, undefined, true)) {
    if (op === diff.EQUAL) for (let k = 0; k < part.length; k++) place[at++] = there++
    else if (op === diff.DELETE) at += part.length
    else there += part.length
  }
  // This copy's edits in base letters: delete [from, to), then insert ours [oursFrom, oursTo) there.
  const edits: { from: number; to: number; oursFrom: number; oursTo: number }[] = []
  at = 0
  let mineAt = 0
  for (const [op, part] of diff(was!, mineText!, undefined, true)) {
    if (op === diff.EQUAL) {
      at += part.length
      mineAt += part.length
      continue
    }
    let edit = edits.at(-1)
    if (!edit || edit.to !== at || edit.oursTo !== mineAt) edits.push((edit = { from: at, to: at, oursFrom: mineAt, oursTo: mineAt }))
    if (op === diff.DELETE) edit.to = at += part.length
    else edit.oursTo = mineAt += part.length
  }
  for (const edit of edits.reverse()) {
    // After the last base letter before the edit's end that is still there.
    let last = edit.to - 1
    while (last >= 0 && place[last]! < 0) last--
    let insertAt = last >= 0 ? place[last]! + 1 : 0
    // Already there (carried before, or the same words typed there): not written twice.
    const inserted = mineText!.slice(edit.oursFrom, edit.oursTo)
    const written = theirText!.startsWith(inserted, insertAt) ? [] : slice(ourRuns, edit.oursFrom, edit.oursTo)
    for (const run of written) {
      // With formatting given (even none), Yjs closes the marks open where the letters land.
      theirs.insert(insertAt, run.insert, run.attributes ?? {})
      insertAt += run.insert.length
    }
    // The base letters deleted here that are still there, from the end: each run of neighbours at once.
    for (let k = edit.to - 1; k >= edit.from;) {
      if (place[k]! < 0) {
        k--
        continue
      }
      let start = k
      while (start > edit.from && place[start - 1]! >= 0 && place[start - 1]! === place[start]! - 1) start--
      theirs.delete(place[start]!, place[k]! - place[start]! + 1)
      k = start - 1
    }
  }
  return true
}

/** The runs covering letters [from, to) of a text, with their formatting. */
function slice(runs: Run[], from: number, to: number): Run[] {
  const out: Run[] = []
  let at = 0
  for (const run of runs) {
    const start = Math.max(from, at)
    const end = Math.min(to, at + run.insert.length)
    if (start < end) out.push({ insert: run.insert.slice(start - at, end - at), ...(run.attributes ? { attributes: run.attributes } : {}) })
    at += run.insert.length
  }
  return out
}
