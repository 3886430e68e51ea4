/**
 * The shape of a story's rich-text body: the ProseMirror schema the editor uses (TipTap's
 * StarterKit plus one inline node), as it is stored in the Y.XmlFragment by the Yjs binding.
 * Element names are node type names, marks are formatting attributes on text, node attributes
 * are element attributes. Exports and the server read bodies through these names only.
 */
import * as z from 'zod/mini'

export const STORY_NODES = {
  paragraph: 'paragraph',
  heading: 'heading',
  bulletList: 'bulletList',
  orderedList: 'orderedList',
  listItem: 'listItem',
  blockquote: 'blockquote',
  hardBreak: 'hardBreak',
  /** An inline chip citing a trend, a signal or a futures-wheel node. */
  citation: 'citation',
} as const

export const STORY_MARKS = { bold: 'bold', italic: 'italic' } as const

export const CITATION_KINDS = ['trend', 'signal', 'wheelNode'] as const
export type CitationKind = (typeof CITATION_KINDS)[number]

/**
 * A citation chip's attributes. `label` is the cited item's name when the chip was inserted, so a
 * chip whose item was deleted since still reads as "removed trend: <label>", never as a hole.
 */
export const CitationAttrsSchema = z.object({
  kind: z.enum(CITATION_KINDS),
  refId: z.string().check(z.minLength(1), z.maxLength(64)),
  label: z.string().check(z.maxLength(200)),
})
export type CitationAttrs = z.infer<typeof CitationAttrsSchema>

const MARK_NAMES: ReadonlySet<string> = new Set(Object.values(STORY_MARKS))

/**
 * Whether a formatting attribute in a story text is one the editor writes: a mark's name set to
 * the mark's attributes (bold and italic have none: `{}`; a plain Yjs text writes `true`) or
 * removed (`null`). The server refuses any other: every distinct key a text holds open is copied
 * at each of its letters whenever a remote change formats it, and a value's keys are compared
 * one by one, so an open set of keys or values would make one small change cost seconds.
 */
export function isStoryMarkFormat(key: string, value: unknown): boolean {
  if (!MARK_NAMES.has(key)) return false
  if (value === null || value === true) return true
  return typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0
}
