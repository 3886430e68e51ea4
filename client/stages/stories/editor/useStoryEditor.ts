import { useEditor, type Editor } from '@tiptap/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { resolveCitation, type CitableBoard } from '../../../../shared/doc/stories/index.ts'
import type { CitationKind } from '../../../../shared/schema/index.ts'
import { useBoardAwareness } from '../../../sync/presence.ts'
import { refreshCitations } from './citationNode.ts'
import { storyExtensions } from './storyExtensions.ts'

export interface StoryEditorOptions {
  body: Y.XmlFragment
  editable: boolean
  /** Resolves chips (names, removed items). */
  board: CitableBoard
  /** "@" typed at the start of a word. */
  onAt(): void
  /** The accessible name of the text area. */
  label: string
  /** Its description (what to write, how to cite). */
  describedBy?: string
  /** Whether to show other people's carets (off on the projector). */
  carets?: boolean
}

/**
 * The TipTap editor of one story body, bound to Yjs. Re-created only when the body, the presence
 * connection or the language changes: React re-renders never touch it, and the toolbar reads its
 * state through `useEditorState`, so typing re-renders nothing but ProseMirror's own DOM.
 */
export function useStoryEditor({ body, editable, board, onAt, label, describedBy, carets = true }: StoryEditorOptions): Editor | null {
  const { t, i18n } = useTranslation()
  const awareness = useBoardAwareness()
  const onAtRef = useRef(onAt)
  useEffect(() => {
    onAtRef.current = onAt
  })

  const editor = useEditor(
    {
      extensions: storyExtensions({
        body,
        awareness: carets ? awareness : null,
        unnamed: t('ui.person.unnamed'),
        citation: {
          labels: {
            kind: (kind: CitationKind) => t(`stories.kind.${kind}`),
            removed: (kind: CitationKind) => t(`stories.chip.removed.${kind}`),
          },
          onAt: () => onAtRef.current(),
        },
      }),
      editable,
      editorProps: {
        attributes: {
          class: 'story-editor__text',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        },
      },
    },
    [body, awareness, carets, i18n.language],
  )

  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) editor.setEditable(editable)
  }, [editor, editable])

  // The board changed (an item renamed or deleted): chips re-read their status.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    editor.storage.citation.resolve = (attrs) => resolveCitation(attrs, board)
    refreshCitations(editor.view)
  }, [editor, board])

  return editor
}
