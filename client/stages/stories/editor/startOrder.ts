/**
 * Start order in the editor (rule and reasons: shared/doc/stories/startOrder.ts). Three parts:
 * - the top-level blocks carry `startedBy`/`startedAt` as node attributes, so the Yjs binding
 *   keeps them (it deletes element attributes the schema does not know). They are never rendered
 *   nor parsed from HTML, and Enter does not copy them to the new block;
 * - the first change this person makes to a story with no blocks stamps its first block, in the
 *   same Yjs transaction as the first keystroke;
 * - when a start arrives from someone else, this editor yields if its own start is the later one,
 *   and puts the caret back where it was in the moved text;
 * - when someone else's start fills the story while this person has not typed yet, they were
 *   about to start too: their caret goes to the end of the story, and what they type there first,
 *   within `JOINING_MS`, becomes a paragraph of their own after the other's (not glued to its
 *   start or its end). Later they have read the other's text, and typing at its end goes on
 *   from it; so does typing that begins with a space, at any time ("… here. Bea goes on").
 */
import { Extension } from '@tiptap/core'
import { Fragment, Slice, type Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import {
  applyRescues,
  bringsStart,
  rescuesOf,
  startStamp,
  yieldStarts,
  type Rescue,
  MOVED_FROM,
  STARTED_AT,
  STARTED_BY,
  START_ORDER_ORIGIN,
  type StartMove,
} from '../../../../shared/doc/stories/index.ts'
import { STORY_NODES } from '../../../../shared/schema/index.ts'
import { registerLocalOrigin } from '../../../sync/docConnection.ts'
import { remoteCaretKey } from './remoteCaret.ts'

registerLocalOrigin(START_ORDER_ORIGIN)

export interface StartOrderOptions {
  body: Y.XmlFragment | null
  /** Milliseconds on a clock every device shares (the server's). */
  now: () => number
}

const TOP_BLOCKS = [STORY_NODES.paragraph, STORY_NODES.heading, STORY_NODES.bulletList, STORY_NODES.orderedList, STORY_NODES.blockquote]
const stampAttribute = { default: null, keepOnSplit: false, parseHTML: () => null, renderHTML: () => ({}) }
const key = new PluginKey<number | null>('storyStartOrder')

/**
 * How long after someone else's text last arrived in a story this person had not yet typed in,
 * their first typing still counts as a start of their own: long enough for a keystroke already on
 * its way, shorter than reading a sentence. Measured from the latest arrival, so while the other
 * is still typing their first sentence, this person's typing does not land inside it.
 */
export const JOINING_MS = 3000

/** This device's own clock for that window (the server's clock may be corrected meanwhile). */
const localNow = () => performance.now()

const isBlank = (doc: PmNode) => doc.childCount === 1 && doc.firstChild!.isTextblock && doc.firstChild!.content.size === 0

const isRemoteRender = (tr: Transaction) => Boolean((tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin)

/** A copied block pasted elsewhere is not a start. */
function unstamped(fragment: Fragment): Fragment {
  const nodes: PmNode[] = []
  fragment.forEach((node) => {
    const attrs =
      node.attrs[STARTED_BY] != null || node.attrs[MOVED_FROM] != null
        ? { ...node.attrs, [STARTED_BY]: null, [STARTED_AT]: null, [MOVED_FROM]: null }
        : node.attrs
    nodes.push(node.type.create(attrs, node.content, node.marks))
  })
  return Fragment.from(nodes)
}

/** Where a position sits as (top-level block index, offset in it), which survives blocks moving. */
function blockPlace(doc: PmNode, pos: number): { index: number; offset: number } {
  const index = doc.resolve(pos).index(0)
  return { index, offset: pos - blockStart(doc, index) }
}

function blockStart(doc: PmNode, index: number): number {
  let pos = 0
  for (let i = 0; i < index && i < doc.childCount; i++) pos += doc.child(i).nodeSize
  return pos
}

function indexAfterMove(index: number, { from, to, count }: StartMove): number {
  if (index >= from && index < from + count) return to + (index - from)
  const afterDelete = index >= from + count ? index - count : index
  return afterDelete >= to ? afterDelete + count : afterDelete
}

function yieldKeepingCaret(view: EditorView, body: Y.XmlFragment): void {
  if (view.isDestroyed || view.composing) return
  const { doc, selection } = view.state
  const anchor = blockPlace(doc, selection.anchor)
  const head = blockPlace(doc, selection.head)
  const moves = yieldStarts(body)
  // The binding re-renders the document from Yjs synchronously; check it did before mapping.
  if (moves.length === 0 || view.isDestroyed || view.state.doc.childCount !== body.length) return
  const after = view.state.doc
  const place = ({ index, offset }: { index: number; offset: number }) => {
    const moved = moves.reduce(indexAfterMove, index)
    return Math.min(blockStart(after, moved) + offset, after.content.size)
  }
  const tr = view.state.tr.setSelection(TextSelection.create(after, place(anchor), place(head)))
  view.dispatch(tr.setMeta('addToHistory', false))
}

type Stamp = ReturnType<typeof startStamp>

function stampFirst(state: EditorState, stamp: Stamp): Transaction | null {
  const first = state.doc.firstChild
  if (!first || first.attrs[STARTED_BY] != null) return null
  return state.tr.setNodeMarkup(0, undefined, { ...first.attrs, ...stamp })
}

/**
 * This person typed at the end of a story someone else has just started: what they typed (from
 * where the caret was to where it is now) is split off into a new top-level block of their own.
 */
function startOwnParagraph(transactions: readonly Transaction[], old: EditorState, state: EditorState, stamp: Stamp): Transaction | null {
  const from = transactions.reduce((pos, tr) => tr.mapping.map(pos, -1), old.selection.from)
  const to = state.selection.from
  if (to <= from || old.selection.from !== TextSelection.atEnd(old.doc).from) return null
  // "… here. Bea goes on": a sentence begun with a space goes on from the other's.
  if (/^\s/.test(state.doc.textBetween(from, to))) return null
  const $from = state.doc.resolve(from)
  if (!$from.parent.isTextblock || $from.sameParent(state.doc.resolve(to)) === false) return null
  const tr = state.tr.split(from, $from.depth)
  const index = tr.doc.resolve(tr.mapping.map(to)).index(0)
  const block = tr.doc.child(index)
  return tr.setNodeMarkup(blockStart(tr.doc, index), undefined, { ...block.attrs, ...stamp })
}

export const StartOrder = Extension.create<StartOrderOptions>({
  name: 'startOrder',

  addOptions() {
    return { body: null, now: Date.now }
  },

  addGlobalAttributes() {
    return [{ types: TOP_BLOCKS, attributes: { [STARTED_BY]: stampAttribute, [STARTED_AT]: stampAttribute, [MOVED_FROM]: stampAttribute } }]
  },

  addProseMirrorPlugins() {
    const { body, now } = this.options
    if (!body) return []
    // Someone else's start reached this editor while its story was blank (set by the Yjs observer,
    // which runs before the binding renders the change). Opening a story that has text is no start.
    let startArrived = false
    // This person's start, typed while a phone keyboard was composing: stamped when the word ends.
    let stampWhenComposed: Stamp | null = null
    return [
      new Plugin({
        key,
        props: {
          transformPasted: (slice) => new Slice(unstamped(slice.content), slice.openStart, slice.openEnd),
        },
        state: {
          init: (): number | null => null,
          // Since when (`localNow`) this person's next typing at the end of the story may start a paragraph of theirs.
          apply(tr, since: number | null) {
            const meta = tr.getMeta(key) as number | null | undefined
            if (meta !== undefined) return meta
            // The caret put back after a remote change (remoteCaret.ts) is part of that change.
            if (isRemoteRender(tr) || tr.getMeta(remoteCaretKey) === true) return since
            return tr.docChanged || tr.selectionSet ? null : since
          },
        },
        appendTransaction(transactions, old, state) {
          const joining = (at: EditorState) => {
            const since = key.getState(at)
            return since != null && localNow() - since < JOINING_MS
          }
          const clientID = body.doc?.clientID
          if (clientID === undefined) return null
          const local = transactions.some((tr) => tr.docChanged && !isRemoteRender(tr))
          // A phone keyboard composing a word: changing the block now would repeat its first letter.
          const composing = transactions.some((tr) => tr.getMeta('composition') !== undefined)
          // Blocks in Yjs already: this is not the story's start (the binding writes after this).
          if (local && body.length === 0) {
            const stamp = startStamp(clientID, now())
            if (!composing) return stampFirst(state, stamp)
            stampWhenComposed = stamp
            return null
          }
          if (local && joining(old) && !composing) return startOwnParagraph(transactions, old, state, startStamp(clientID, now()))
          if (!transactions.some(isRemoteRender)) return null
          const arrived = startArrived && !isBlank(state.doc)
          if (arrived) startArrived = false
          const since = arrived || joining(state) ? localNow() : null
          // More of the other's text arrived while this person may still be starting: the caret stays after it.
          if (since !== null) return state.tr.setSelection(TextSelection.atEnd(state.doc)).setMeta(key, since).setMeta('addToHistory', false)
          return key.getState(state) === null ? null : state.tr.setMeta(key, null)
        },
        view(view) {
          let scheduled = false
          // This person's text caught in a paragraph someone moved (shared/doc/stories/yieldRescue.ts).
          let rescues: Rescue[] = []
          const settle = () => {
            if (scheduled) return
            scheduled = true
            // After the binding has rendered the change, and before the next keystroke.
            queueMicrotask(() => {
              scheduled = false
              if (view.isDestroyed) return
              if (stampWhenComposed && !view.composing) stampComposedStart(view)
              if (rescues.length > 0) rescues = applyRescues(body, rescues)
              yieldKeepingCaret(view, body)
            })
          }
          // A shallow observer runs before the binding (a deep one) renders the change.
          const onBlocks = (event: Y.YXmlEvent) => {
            if (!event.transaction.local && event.changes.added.size > 0 && isBlank(view.state.doc)) startArrived = true
          }
          const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
            const rescued = body.doc ? rescuesOf(body, events, body.doc.clientID) : []
            rescues.push(...rescued)
            if (bringsStart(body, events) || rescued.length > 0) settle()
          }
          const stampComposedStart = (v: EditorView) => {
            const stamp = stampWhenComposed
            stampWhenComposed = null
            const index = (body.toArray() as Y.XmlElement[]).findIndex((block) => block._item?.id.client === body.doc?.clientID)
            const block = index >= 0 ? v.state.doc.maybeChild(index) : null
            if (!stamp || !block || block.attrs[STARTED_BY] != null || v.state.doc.childCount !== body.length) return
            v.dispatch(v.state.tr.setNodeMarkup(blockStart(v.state.doc, index), undefined, { ...block.attrs, ...stamp }).setMeta('addToHistory', false))
          }
          body.observe(onBlocks)
          body.observeDeep(onChange)
          return {
            // The word is finished: now the first block can take its stamp (and yield if it must).
            update: (v) => {
              if (stampWhenComposed && !v.composing) settle()
            },
            destroy: () => {
              body.unobserve(onBlocks)
              body.unobserveDeep(onChange)
            },
          }
        },
      }),
    ]
  },
})
