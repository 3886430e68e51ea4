import type { Editor } from '@tiptap/react'
import { NodeSelection } from '@tiptap/pm/state'
import type { CitationKind } from '../../../../shared/schema/index.ts'

/**
 * Selects the first chip citing an item and scrolls it into view, so "where do we cite this?" is
 * one click from the sources list. Returns false when the story no longer has such a chip.
 */
export function revealCitation(editor: Editor, kind: CitationKind, refId: string): boolean {
  let found: number | null = null
  editor.state.doc.descendants((node, pos) => {
    if (found !== null) return false
    if (node.type.name === 'citation' && node.attrs.kind === kind && node.attrs.refId === refId) found = pos
    return found === null && node.isBlock
  })
  if (found === null) return false
  const { view } = editor
  view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, found)).scrollIntoView())
  view.focus()
  return true
}
