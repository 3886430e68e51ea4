/**
 * The `citation` chip of a story body (contract: shared/schema/storyBody.ts): an inline atom with
 * attributes {kind, refId, label}, stored by the Yjs binding as a `citation` element.
 *
 * How a chip reads depends on the board, not on the document: a renamed trend shows its new name,
 * a deleted one "removed trend: <label>". That status comes from `storage.resolve` and reaches the
 * chips as node decorations, rebuilt when the document changes or `refreshCitations` is called,
 * so nothing about the board is ever written into the story.
 */
import { mergeAttributes, Node } from '@tiptap/core'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import type { Node as PmNode } from '@tiptap/pm/model'
import { CitationAttrsSchema, STORY_NODES, type CitationAttrs, type CitationKind } from '../../../../shared/schema/index.ts'
import { citationChipView, type ChipLabels } from './citationView.ts'

export interface CitationStatus {
  /** What the chip shows: the item's current name, or the label it was cited with. */
  readonly name: string
  readonly removed: boolean
}

export interface CitationOptions {
  labels: ChipLabels
  /** Someone typed "@" at the start of a word: open the picker (the "@" is not inserted). */
  onAt: (() => void) | null
}

export interface CitationStorage {
  resolve: (attrs: CitationAttrs) => CitationStatus
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    citation: {
      /** Inserts a chip at the selection, with a space after it unless one follows already. */
      insertCitation: (attrs: CitationAttrs) => ReturnType
    }
  }
  interface Storage {
    citation: CitationStorage
  }
}

export const citationStatusKey = new PluginKey<DecorationSet>('citationStatus')

/** Re-reads every chip's status (call after the board changed). */
export function refreshCitations(view: EditorView): void {
  view.dispatch(view.state.tr.setMeta(citationStatusKey, true).setMeta('addToHistory', false))
}

// ProseMirror nodes are immutable and reused while unchanged: each chip is checked once.
/** Punctuation typed right after a chip's space takes that space's place (see handleTextInput). */
const CLOSES_SENTENCE = /^[.,;:!?…)\]}»”’%]$/u

const checked = new WeakMap<PmNode, CitationAttrs | null>()

/** The chip's attributes, or null for a node whose attributes a peer broke. */
export function citationAttrs(node: PmNode): CitationAttrs | null {
  let attrs = checked.get(node)
  if (attrs === undefined) {
    const parsed = CitationAttrsSchema.safeParse(node.attrs)
    attrs = parsed.success ? parsed.data : null
    checked.set(node, attrs)
  }
  return attrs
}

export const Citation = Node.create<CitationOptions, CitationStorage>({
  name: STORY_NODES.citation,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { labels: { kind: (kind: CitationKind) => kind, removed: (kind: CitationKind) => kind }, onAt: null }
  },

  addStorage() {
    return { resolve: (attrs: CitationAttrs) => ({ name: attrs.label, removed: false }) }
  },

  addAttributes() {
    // Stored exactly as named in the contract; rendered as data attributes for copy and paste.
    return {
      kind: { default: 'trend', parseHTML: (el) => el.getAttribute('data-kind'), renderHTML: (attrs) => ({ 'data-kind': attrs.kind }) },
      refId: { default: '', parseHTML: (el) => el.getAttribute('data-ref-id'), renderHTML: (attrs) => ({ 'data-ref-id': attrs.refId }) },
      label: { default: '', parseHTML: (el) => el.getAttribute('data-label') ?? el.textContent ?? '', renderHTML: (attrs) => ({ 'data-label': attrs.label }) },
    }
  },

  parseHTML() {
    // Pasted chips are checked like any other input: a malformed one is not a chip.
    return [
      {
        tag: 'span[data-citation]',
        getAttrs: (el) => {
          const parsed = CitationAttrsSchema.safeParse({
            kind: el.getAttribute('data-kind'),
            refId: el.getAttribute('data-ref-id'),
            label: el.getAttribute('data-label') ?? '',
          })
          return parsed.success ? parsed.data : false
        },
      },
    ]
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['span', mergeAttributes({ 'data-citation': '', class: 'citation' }, HTMLAttributes), String(node.attrs.label)]
  },

  renderText({ node }) {
    return String(node.attrs.label)
  },

  addNodeView() {
    return citationChipView(this.options.labels)
  },

  addCommands() {
    return {
      insertCitation:
        (attrs) =>
        ({ state, chain }) => {
          const { from, to } = state.selection
          const before = from > 0 ? state.doc.textBetween(from - 1, from, '\n', '\ufffc') : ''
          const after = state.doc.textBetween(to, Math.min(to + 1, state.doc.content.size), '\n', '\ufffc')
          const content: object[] = []
          // Glued to a word it would read as part of it: "Aino[chip]" → "Aino [chip]".
          if (/[\p{L}\p{N}.,;:!?]/u.test(before)) content.push({ type: 'text', text: ' ' })
          content.push({ type: this.name, attrs: attrs })
          if (after === '' || !/[\s.,;:!?)]/u.test(after)) content.push({ type: 'text', text: ' ' })
          return chain().insertContentAt({ from, to }, content).run()
        },
    }
  },

  addProseMirrorPlugins() {
    const storage = this.storage
    const options = this.options
    const build = (state: EditorState) => statusDecorations(state.doc, storage.resolve)
    return [
      new Plugin<DecorationSet>({
        key: citationStatusKey,
        state: {
          init: (_, state) => build(state),
          // A full walk per change: a 2,000-word story has a few hundred nodes, well under a millisecond.
          apply: (tr, previous, _old, state) => (tr.docChanged || tr.getMeta(citationStatusKey) ? build(state) : previous),
        },
        props: {
          decorations: (state) => citationStatusKey.getState(state),
          handleTextInput(view, from, to, text) {
            if (CLOSES_SENTENCE.test(text) && from === to && from > 1 && view.editable) {
              // "chip␣" + "." → "chip.": the space after a chip was put there by insertCitation,
              // and punctuation belongs against what it ends, as it would after a word.
              const { state } = view
              const spaceAfterChip = state.doc.textBetween(from - 1, from) === ' ' && state.doc.resolve(from - 1).nodeBefore?.type.name === STORY_NODES.citation
              if (spaceAfterChip) {
                view.dispatch(state.tr.insertText(text, from - 1, from))
                return true
              }
            }
            if (text !== '@' || !options.onAt || !view.editable) return false
            const $from = view.state.doc.resolve(from)
            const before = $from.parent.textBetween(Math.max(0, $from.parentOffset - 1), $from.parentOffset, undefined, '\ufffc')
            // Only at the start of a word: "anna@example.org" stays an address.
            if (before !== '' && !/[\s([{"'“‘«]/u.test(before)) return false
            options.onAt()
            return true
          },
        },
      }),
    ]
  },
})

/**
 * One node decoration per chip carrying its status in the spec (plain values, so ProseMirror
 * sees an unchanged chip as unchanged and does not touch its DOM).
 */
function statusDecorations(doc: PmNode, resolve: CitationStorage['resolve']): DecorationSet {
  const decorations: Decoration[] = []
  doc.descendants((node, pos) => {
    if (node.type.name !== STORY_NODES.citation) return node.isBlock
    const attrs = citationAttrs(node)
    if (attrs) {
      const status = resolve(attrs)
      decorations.push(Decoration.node(pos, pos + node.nodeSize, {}, { citationName: status.name, citationRemoved: status.removed }))
    }
    return false
  })
  return DecorationSet.create(doc, decorations)
}
