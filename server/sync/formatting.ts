import * as Y from 'yjs'
import type { Placement } from './placement.ts'

/** Yjs does not export the DeleteSet type by name. */
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']

/**
 * Steps of the whole-text cleanup per item: it copies the open formats at each letter (a Map of
 * at most the two marks, see isStoryMarkFormat) and compares them at each gap. Measured (Yjs
 * applying, warm): 200–700 ns per item, against 5–9 ns per item passed by the walks from deletions.
 */
const WHOLE_TEXT_STEPS_PER_ITEM = 100

/**
 * What Yjs' tidying of formatting will cost after an update, in steps of walking an item,
 * bounded before applying it: the guard refuses an update over its budget.
 *
 * After a remote change to a text that holds formatting (story texts: bold and italic), Yjs
 * tidies (cleanupYTextAfterTransaction):
 * - a text that gains or loses a formatting item is cleaned whole, each of its items visited;
 * - every other deleted item of a formatted text walks its run: right over the deleted and
 *   formatting items after it, then back to the last letter before it. One update deleting a
 *   run of D separate items (letters typed by turns) costs D² steps: 16,000 cost 1.8 s, for 20
 *   bytes. The items of a deleted paragraph or story are deleted with it, and walk the same way.
 * It does so only when the update changes a formatted text that was there before and stays (a
 * story deleted whole is not tidied); then it walks from every deleted item of every formatted
 * text, those inside deleted paragraphs and stories included.
 *
 * The document's texts the update changes are walked once each, to find their runs (`walked`:
 * the caller's lookup budget, as for the placement's walks; past `maxLookup` this stops early
 * and the caller refuses). The update's own items may land anywhere in their text: each is
 * counted into every run there, and each it deletes walks all of the text.
 */
export function formattingSteps(doc: Y.Doc, placement: Placement, structs: readonly (Y.Item | Y.GC | Y.Skip)[], ds: DeleteSet, maxLookup: number): number {
  const texts = new TextChanges()
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    const text = textOf(placement, struct)
    if (!text) continue
    const change = texts.of(text.text, text.inDocument)
    change.added++
    if (struct.content instanceof Y.ContentFormat) change.formatted = true
  }
  const deletedTypes: Y.AbstractType<unknown>[] = []
  for (const [client, ranges] of ds.clients) {
    const held = Y.getState(doc.store, client)
    const documents = doc.store.clients.get(client) ?? []
    for (const { clock, len } of ranges) {
      const end = clock + len
      if (clock < held) {
        for (let index = Y.findIndexSS(documents, clock); index < documents.length && documents[index]!.id.clock < end; index++) {
          if (++placement.walked > maxLookup) return Number.POSITIVE_INFINITY
          const item = documents[index]!
          if (!(item instanceof Y.Item) || item.deleted) continue
          if (item.content instanceof Y.ContentType) deletedTypes.push(item.content.type)
          if (item.parentSub !== null || !(item.parent instanceof Y.Text)) continue
          // Counted when its text is walked (deletedRuns); here only found.
          const change = texts.of(item.parent, true)
          if (item.content instanceof Y.ContentFormat) change.formatted = true
        }
      }
      if (end <= held) continue
      for (const item of placement.ownItemsIn(client, Math.max(clock, held), end)) {
        const text = textOf(placement, item)
        if (text) texts.of(text.text, text.inDocument).deletedOwn++
      }
    }
  }
  // Yjs tidies only after a change to a formatted text that was there before and is still there.
  const tidied = [...texts.all].some(([text, change]) => change.inDocument && (change.formatted || text._hasFormatting) && survives(text, ds))
  if (!tidied) return 0
  let steps = 0
  for (const [text, change] of texts.all) {
    if (!change.formatted && !text._hasFormatting) continue
    let items = 0
    if (change.inDocument) {
      const runs = deletedRuns(text, ds, change.added, placement, maxLookup)
      if (runs === undefined) return Number.POSITIVE_INFINITY
      items = runs.items
      steps += runs.steps
    }
    const all = items + change.added
    if (change.formatted) steps += WHOLE_TEXT_STEPS_PER_ITEM * all
    // The update's own items it deletes: each may walk all of the text.
    steps += change.deletedOwn * all
  }
  for (const text of formattedTextsIn(deletedTypes, placement, maxLookup)) {
    if (text === undefined) return Number.POSITIVE_INFINITY
    steps += text.live * text.items
  }
  return steps
}

/** Whether neither `type` nor a type holding it is deleted, before or by the update. */
function survives(type: { _item: Y.Item | null }, ds: DeleteSet): boolean {
  for (let item = type._item; item !== null; item = item.parent instanceof Y.AbstractType ? item.parent._item : null) {
    if (item.deleted || Y.isDeleted(ds, item.id)) return false
  }
  return true
}

/**
 * Why a formatting item may not go where it goes, if it may not: only into a text. Yjs tidies any
 * list that holds one (a story's paragraph list, an array) as if it were a text, which the count
 * above does not follow. Undefined also when its parent is not known yet (it waits).
 */
export function formatPlaceRefusal(placement: Placement, item: Y.Item): string | undefined {
  if (textOf(placement, item)) return undefined
  const parent = placement.parentOf(item)
  return parent ? 'formatting outside a text' : undefined
}

/** The text `item` goes into (the document's, or one the update makes), if it goes into a text. */
function textOf(placement: Placement, item: Y.Item): { text: Y.Text; inDocument: boolean } | undefined {
  const parent = placement.parentOf(item)
  if (!parent || parent.sub !== null) return undefined
  if (parent.type) return parent.type instanceof Y.Text ? { text: parent.type, inDocument: true } : undefined
  const created = parent.id ? placement.find(parent.id)?.content : undefined
  return created instanceof Y.ContentType && created.type instanceof Y.Text ? { text: created.type, inDocument: false } : undefined
}

interface TextChange {
  inDocument: boolean
  /** The update's items in the text. */
  added: number
  /** The update's items in it that the update deletes too. */
  deletedOwn: number
  /** Whether the update inserts or deletes a formatting item in it. */
  formatted: boolean
}

class TextChanges {
  readonly all = new Map<Y.Text, TextChange>()

  of(text: Y.Text, inDocument: boolean): TextChange {
    let change = this.all.get(text)
    if (!change) this.all.set(text, (change = { inDocument, added: 0, deletedOwn: 0, formatted: false }))
    return change
  }
}

/**
 * A document text's items, and the steps of the walks from the items the update deletes in it:
 * each walks its run (the deleted and formatting items around it, the update's deletions
 * included) and, at most, all the update's items in the text (`added`: they may land in it).
 */
function deletedRuns(text: Y.Text, ds: DeleteSet, added: number, placement: Placement, maxLookup: number): { items: number; steps: number } | undefined {
  let items = 0
  let steps = 0
  let run = 0
  let deletedInRun = 0
  for (let item = text._start; ; item = item.right) {
    const deletedNow = item !== null && !item.deleted && overlapsDeletion(ds, item)
    if (item !== null && (item.deleted || deletedNow || !item.countable)) {
      run++
      if (deletedNow) deletedInRun++
    } else {
      steps += deletedInRun * (run + added)
      run = 0
      deletedInRun = 0
    }
    if (item === null) return { items, steps }
    if (++placement.walked > maxLookup) return undefined
    items++
  }
}

/** Whether the update deletes any part of `item` (a deletion inside it splits it there). */
function overlapsDeletion(ds: DeleteSet, item: Y.Item): boolean {
  const ranges = ds.clients.get(item.id.client)
  if (!ranges) return false
  const start = item.id.clock
  let low = 0
  let high = ranges.length
  // The first range ending after the item's start.
  while (low < high) {
    const mid = (low + high) >> 1
    if (ranges[mid]!.clock + ranges[mid]!.len <= start) low = mid + 1
    else high = mid
  }
  return low < ranges.length && ranges[low]!.clock < start + item.length
}

/**
 * The formatted texts inside the deleted types, each with its items and its live ones (which the
 * deletion deletes). Yields undefined, and stops, once the walk is over `maxLookup`.
 */
function* formattedTextsIn(types: Y.AbstractType<unknown>[], placement: Placement, maxLookup: number): Generator<{ items: number; live: number } | undefined> {
  const stack = [...types]
  while (stack.length > 0) {
    const type = stack.pop()!
    let items = 0
    let live = 0
    const children = [...(type._start ? [type._start] : []), ...type._map.values()]
    for (const first of children) {
      for (let item: Y.Item | null = first; item !== null; item = item.parentSub === null ? item.right : null) {
        if (++placement.walked > maxLookup) return yield undefined
        items++
        if (item.deleted) continue
        live++
        if (item.content instanceof Y.ContentType) stack.push(item.content.type)
      }
    }
    if (type instanceof Y.Text && type._hasFormatting) yield { items, live }
  }
}
