/**
 * Keeps this person's caret where Yjs says it is when someone else's change arrives.
 *
 * The binding (y-tiptap 3.0.9, the same in 3.3.0) re-renders the document on every remote change
 * and then second-guesses the caret it resolved through Yjs: when the caret's block now holds
 * other text, it takes the caret for "misplaced by a moved block" and, in a block with attributes
 * of its own (our start stamps, a heading's level), puts it back at its old offset in that block.
 * So while someone typed earlier in the same paragraph, each of their letters pushed this
 * person's caret one place back, and what they typed meanwhile landed reversed, a paragraph
 * later: "She lives with her mum" became "Shes with her mum … evil".
 *
 * So before each Yjs transaction the caret is noted as Yjs relative positions; after a change
 * from elsewhere renders, if the characters (or the text) they point at still exist, where Yjs
 * puts them wins. Where those are gone (a block deleted or moved, as a start yield moves one), the
 * binding's own recovery stays, and so does an undo's or redo's selection; and while a phone
 * keyboard composes a word, the binding's caret stays (setting one would break the word).
 */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state'
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap'
import * as Y from 'yjs'

interface Binding {
  doc: Y.Doc
  type: Y.XmlFragment
  mapping: Map<Y.AbstractType<unknown>, unknown>
}

interface SyncMeta {
  isChangeOrigin?: boolean
  isUndoRedoOperation?: boolean
}

/** Marks the caret this plugin puts back: to the start order's plugin it is part of the remote change. */
export const remoteCaretKey = new PluginKey('storyRemoteCaret')

/** The struct holding `id`, if this document has it. */
function itemAt(doc: Y.Doc, id: Y.ID): Y.Item | null {
  const structs = doc.store.clients.get(id.client)
  if (!structs || id.clock >= Y.getState(doc.store, id.client)) return null
  const struct = structs[Y.findIndexSS(structs, id.clock)]
  return struct instanceof Y.Item ? struct : null
}

/** Whether what a relative position is anchored to is still in the document. */
function anchoredToLive(doc: Y.Doc, position: Y.RelativePosition): boolean {
  const anchor = position.item ?? position.type
  if (anchor) return itemAt(doc, anchor)?.deleted === false
  return position.tname !== null
}

function bindingOf(state: Parameters<typeof ySyncPluginKey.getState>[0]): Binding | null {
  const binding = (ySyncPluginKey.getState(state) as { binding?: Binding | null } | undefined)?.binding
  return binding ?? null
}

const isRemoteRender = (tr: Transaction) => {
  const meta = tr.getMeta(ySyncPluginKey) as SyncMeta | undefined
  return meta?.isChangeOrigin === true && meta.isUndoRedoOperation !== true
}

export const RemoteCaret = Extension.create({
  name: 'storyRemoteCaret',
  // Before the start order's plugin: a caret it sends to the end of the story on purpose stays there.
  priority: 101,

  addProseMirrorPlugins() {
    let noted: { anchor: Y.RelativePosition; head: Y.RelativePosition } | null = null
    // A phone keyboard composing a word: a selection set now would break the word (as startOrder.ts avoids).
    let composing = () => false
    return [
      new Plugin({
        key: remoteCaretKey,
        view(view) {
          composing = () => view.composing
          const binding = bindingOf(view.state)
          if (!binding) return {}
          const note = () => {
            const { anchor, head } = view.state.selection
            const b = bindingOf(view.state)
            if (noted || !b || view.isDestroyed) return
            noted = {
              anchor: absolutePositionToRelativePosition(anchor, b.type, b.mapping as never),
              head: absolutePositionToRelativePosition(head, b.type, b.mapping as never),
            }
          }
          const forget = () => (noted = null)
          binding.doc.on('beforeAllTransactions', note)
          binding.doc.on('afterAllTransactions', forget)
          return {
            destroy: () => {
              binding.doc.off('beforeAllTransactions', note)
              binding.doc.off('afterAllTransactions', forget)
            },
          }
        },
        appendTransaction(transactions, _old, state) {
          if (!noted || composing() || !transactions.some(isRemoteRender)) return null
          const binding = bindingOf(state)
          if (!binding || !anchoredToLive(binding.doc, noted.anchor) || !anchoredToLive(binding.doc, noted.head)) return null
          const anchor = relativePositionToAbsolutePosition(binding.doc, binding.type, noted.anchor, binding.mapping as never)
          const head = relativePositionToAbsolutePosition(binding.doc, binding.type, noted.head, binding.mapping as never)
          if (anchor === null || head === null || anchor > state.doc.content.size || head > state.doc.content.size) return null
          if (state.selection.anchor === anchor && state.selection.head === head) return null
          const selection = TextSelection.between(state.doc.resolve(anchor), state.doc.resolve(head))
          return state.tr.setSelection(selection).setMeta(remoteCaretKey, true).setMeta('addToHistory', false)
        },
      }),
    ]
  },
})
