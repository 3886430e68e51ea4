/**
 * A story body (blocks with numbered citations) as Markdown lines. Formatting opens and closes
 * around runs the way CommonMark's flanking rules need: whitespace is kept outside the
 * delimiters, `*` is used for emphasis (it works inside words, `_` does not), and the words in
 * between are escaped like any other user text.
 */
import { continueLines, escapeInline, escapeLineStart } from './markdownText'
import { citationLabel, HUGS_CITATION, textAfterCitation, type Block, type Inline } from './storyBody'

/**
 * Markdown lines of a body; headings start at `headingBase` (a story's own h1 becomes `####`
 * under the report's `###` story title), deeper levels stop at `######`.
 */
export function bodyLines(blocks: readonly Block[], headingBase: number): string[] {
  const out: string[] = []
  for (const block of blocks) {
    if (out.length > 0) out.push('')
    out.push(...blockLines(block, headingBase))
  }
  return out
}

function blockLines(block: Block, headingBase: number): string[] {
  switch (block.type) {
    case 'paragraph':
      return inlineMarkdown(block.content).split('\n')
    case 'heading': {
      const level = Math.min(6, headingBase + block.level - 1)
      const text = inlineMarkdown(block.content.map((inline) => (inline.type === 'break' ? { type: 'text', text: ' ', bold: false, italic: false } : inline)))
      return [`${'#'.repeat(level)} ${text}`]
    }
    case 'bulletList':
      return block.items.flatMap((item) => continueLines(bodyLines(item, headingBase), '- ', 2))
    case 'orderedList':
      return block.items.flatMap((item, i) => {
        const marker = `${block.start + i}. `
        return continueLines(bodyLines(item, headingBase), marker, marker.length)
      })
    case 'blockquote':
      return bodyLines(block.blocks, headingBase).map((line) => (line === '' ? '>' : `> ${line}`))
  }
}

type Mark = 'bold' | 'italic'
const DELIMITER: Record<Mark, string> = { bold: '**', italic: '*' }

/** One paragraph's inlines; hard breaks become a backslash and a newline. */
export function inlineMarkdown(content: readonly Inline[]): string {
  let out = ''
  const open: Mark[] = []
  let atLineStart = true
  let pendingSpace = ''
  let afterCitation = false

  const closeAll = () => closeTo([])
  const closeTo = (wanted: readonly Mark[]) => {
    // Marks nest: closing an outer one closes everything opened inside it (reopened after).
    const firstUnwanted = open.findIndex((mark) => !wanted.includes(mark))
    if (firstUnwanted === -1) return
    while (open.length > firstUnwanted) out += DELIMITER[open.pop()!]
  }
  const emit = (text: string, marks: readonly Mark[]) => {
    closeTo(marks)
    out += pendingSpace
    pendingSpace = ''
    for (const mark of marks) {
      if (!open.includes(mark)) {
        out += DELIMITER[mark]
        open.push(mark)
      }
    }
    out += atLineStart ? escapeLineStart(escapeInline(text)) : escapeInline(text)
    atLineStart = false
  }

  for (const inline of content) {
    const followsCitation = afterCitation
    afterCitation = false
    if (inline.type === 'break') {
      closeAll()
      pendingSpace = ''
      out += '\\\n'
      atLineStart = true
    } else if (inline.type === 'citation') {
      closeAll()
      // A chip stands apart from the words around it in the editor; in text it needs a space.
      if (!atLineStart && pendingSpace === '' && /\S$/.test(out)) pendingSpace = ' '
      emit(citationLabel(inline.label), [])
      out += `[^${inline.footnote}]`
      afterCitation = true
    } else {
      const words = followsCitation ? textAfterCitation(inline.text) : inline.text
      const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(words.replace(/\n/g, ' '))!
      const [, lead = '', core = '', trail = ''] = match
      // And after it, unless punctuation follows (it stays where it was typed).
      if (followsCitation && lead === '' && !HUGS_CITATION.test(core)) pendingSpace = ' '
      if (core === '') {
        if (!atLineStart) pendingSpace += lead
        continue
      }
      if (!atLineStart && lead) {
        // Whitespace goes outside the delimiters: `** bold**` would not be bold.
        closeTo(marksOf(inline))
        pendingSpace += lead
      }
      emit(core, marksOf(inline))
      pendingSpace = trail
    }
  }
  closeAll()
  return out
}

function marksOf(inline: { bold: boolean; italic: boolean }): Mark[] {
  const marks: Mark[] = []
  if (inline.bold) marks.push('bold')
  if (inline.italic) marks.push('italic')
  return marks
}
