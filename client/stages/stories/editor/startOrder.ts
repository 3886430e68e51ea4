/**
 * Start order in the editor (rule and reasons: shared/doc/stories/startOrder.ts). Three parts:
 * - the top-level blocks carry `startedBy`/`startedAt` as node attributes, so the Yjs binding
 *   keeps them (it deletes element attributes the schema does not know). They are never rendered
 *   nor parsed from HTML, and Enter does not copy them to the new block;
 * - the first change this person makes to a story with no blocks stamps its first block, in the
 *   same Yjs transaction as the first keystroke;
 * - when a start arrives from someone else, this editor yields if its own start is the later one,
 *   and puts the caret back where it was in the moved text.
 */
import { Extension } from '@tiptap/core'
import { Fragment, Slice, type Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { bringsStart, startStamp, yieldStarts, STARTED_AT, STARTED_BY, START_ORDER_ORIGIN, type StartMove } from '../../../../shared/doc/stories/index.ts'
import { STORY_NODES } from '../../../../shared/schema/index.ts'
import { registerLocalOrigin } from '../../../sync/docConnection.ts'

registerLocalOrigin(START_ORDER_ORIGIN)

export interface StartOrderOptions {
  body: Y.XmlFragment | null
  /** Milliseconds on a clock every device shares (the server's). */
  now: () => number
}

const TOP_BLOCKS = [STORY_NODES.paragraph, STORY_NODES.heading, STORY_NODES.bulletList, STORY_NODES.orderedList, STORY_NODES.blockquote]
const stampAttribute = { default: null, keepOnSplit: false, parseHTML: () => null, renderHTML: () => ({}) }
const key = new PluginKey('storyStartOrder')

const isRemoteRender = (tr: Transaction) => Boolean((tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin)

/** A copied block pasted elsewhere is not a start. */
function unstamped(fragment: Fragment): Fragment {
  const nodes: PmNode[] = []
  fragment.forEach((node) => {
    const attrs = node.attrs[STARTED_BY] != null ? { ...node.attrs, [STARTED_BY]: null, [STARTED_AT]: null } : node.attrs
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

export const StartOrder = Extension.create<StartOrderOptions>({
  name: 'startOrder',

  addOptions() {
    return { body: null, now: Date.now }
  },

  addGlobalAttributes() {
    return [{ types: TOP_BLOCKS, attributes: { [STARTED_BY]: stampAttribute, [STARTED_AT]: stampAttribute } }]
  },

  addProseMirrorPlugins() {
    const { body, now } = this.options
    if (!body) return []
    return [
      new Plugin({
        key,
        props: {
          transformPasted: (slice) => new Slice(unstamped(slice.content), slice.openStart, slice.openEnd),
        },
        appendTransaction(transactions, _old, state) {
          // Blocks in Yjs already: this is not the story's start (the binding writes after this).
          if (body.length > 0 || !body.doc) return null
          if (!transactions.some((tr) => tr.docChanged && !isRemoteRender(tr))) return null
          const first = state.doc.firstChild
          if (!first || first.attrs[STARTED_BY] != null) return null
          return state.tr.setNodeMarkup(0, undefined, { ...first.attrs, ...startStamp(body.doc.clientID, now()) })
        },
        view(view) {
          let scheduled = false
          const onChange = (event: Y.YXmlEvent) => {
            if (scheduled || !bringsStart(event)) return
            scheduled = true
            // After the binding has rendered the change, and before the next keystroke.
            queueMicrotask(() => {
              scheduled = false
              yieldKeepingCaret(view, body)
            })
          }
          body.observe(onChange)
          return { destroy: () => body.unobserve(onChange) }
        },
      }),
    ]
  },
})
