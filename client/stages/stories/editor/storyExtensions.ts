/**
 * The editor's extensions: TipTap's StarterKit cut down to the story body contract
 * (shared/schema/storyBody.ts), the citation chip, and collaboration. Every node the contract
 * names must stay in the schema: the Yjs binding deletes content it cannot map to the schema.
 */
import { Extension, type AnyExtension } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import StarterKit from '@tiptap/starter-kit'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { renderCaret, renderSelection } from './carets.ts'
import { throttledCursorAwareness } from './throttledCursor.ts'
import { Citation, type CitationOptions } from './citationNode.ts'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { registerLocalOrigin } from '../../../sync/docConnection.ts'
import { serverNow } from '../../../sync/clock.ts'
import { RemoteCaret } from './remoteCaret.ts'
import { StartOrder } from './startOrder.ts'

// The binding writes each keystroke with this origin: it is the writer's own change, still unsaved
// until the server acknowledges it.
registerLocalOrigin(ySyncPluginKey)

export interface StoryExtensionOptions {
  body: Y.XmlFragment
  /** The board's awareness, for other people's carets; null shows none (tests, the projector). */
  awareness: Awareness | null
  citation: CitationOptions
  /** Shown on the caret of someone without a name. */
  unnamed: string
}

/**
 * The story title is a level-3 heading on the page; the story's own headings (levels 2 and 3 in
 * the document) sit below it in the outline.
 */
const HeadingOutline = Extension.create({
  name: 'headingOutline',
  addGlobalAttributes() {
    return [
      {
        types: ['heading'],
        attributes: {
          // Never stored (null is not written to Yjs); only rendered.
          outline: { default: null, parseHTML: () => null, renderHTML: (attrs) => ({ 'aria-level': String(Math.min(6, Number(attrs.level) + 2)) }) },
        },
      },
    ]
  },
})

export function storyExtensions({ body, awareness, citation, unnamed }: StoryExtensionOptions): AnyExtension[] {
  const extensions: AnyExtension[] = [
    StarterKit.configure({
      // Collaboration brings its own undo (Yjs, this person's changes only).
      undoRedo: false,
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      link: false,
      horizontalRule: false,
      // Several people's editors would each append a trailing paragraph at once.
      trailingNode: false,
    }),
    HeadingOutline,
    Citation.configure(citation),
    Collaboration.configure({ fragment: body }),
    // Someone typing earlier in the same paragraph must not push this person's caret back.
    RemoteCaret,
    // Two people starting an empty story at once end up in the order they started.
    StartOrder.configure({ body, now: serverNow }),
  ]
  if (awareness) {
    extensions.push(
      CollaborationCaret.configure({
        provider: { awareness: throttledCursorAwareness(awareness) },
        // The presence user already published (id, role, stage…): the caret plugin writes `user`
        // back whole, so hand it the same object rather than a {name, color} that would drop the rest.
        user: (awareness.getLocalState()?.user as Record<string, unknown> | undefined) ?? {},
        render: (user) => renderCaret(user, unnamed),
        selectionRender: renderSelection,
      }),
    )
  }
  return extensions
}
