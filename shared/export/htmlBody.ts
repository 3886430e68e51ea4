/**
 * A story body (blocks with numbered citations) as HTML. Each citation links to its footnote;
 * the first mention of a footnote carries the id the footnote links back to.
 */
import { attr, text } from './htmlText'
import { citationLabel, HUGS_CITATION, textAfterCitation, type Block, type Inline } from './storyBody'

/**
 * The body's HTML; story headings start at `<h{headingBase}>` and stop at `<h6>`.
 * `cited` collects the footnotes already given a back-link target, across one story.
 *
 * @example
 * bodyHtml(story.blocks, 4, new Set())
 */
export function bodyHtml(blocks: readonly Block[], headingBase: number, cited: Set<number>): string {
  return blocks.map((block) => blockHtml(block, headingBase, cited)).join('\n')
}

function blockHtml(block: Block, headingBase: number, cited: Set<number>): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${inlineHtml(block.content, cited)}</p>`
    case 'heading': {
      const level = Math.min(6, headingBase + block.level - 1)
      return `<h${level}>${inlineHtml(block.content, cited)}</h${level}>`
    }
    case 'bulletList':
      return `<ul>${block.items.map((item) => `<li>${bodyHtml(item, headingBase, cited)}</li>`).join('')}</ul>`
    case 'orderedList': {
      const start = block.start === 1 ? '' : attr('start', String(block.start))
      return `<ol${start}>${block.items.map((item) => `<li>${bodyHtml(item, headingBase, cited)}</li>`).join('')}</ol>`
    }
    case 'blockquote':
      return `<blockquote>${bodyHtml(block.blocks, headingBase, cited)}</blockquote>`
  }
}

function inlineHtml(content: readonly Inline[], cited: Set<number>): string {
  let out = ''
  let afterCitation = false
  for (const inline of content) {
    const followsCitation = afterCitation
    afterCitation = inline.type === 'citation'
    if (inline.type === 'break') out += '<br>'
    else if (inline.type === 'citation') {
      const first = !cited.has(inline.footnote)
      cited.add(inline.footnote)
      const id = first ? attr('id', `fnref-${inline.footnote}`) : ''
      // A chip stands apart from the words around it, as it does in the editor.
      const space = out === '' || /\s$/.test(out) ? '' : ' '
      out += `${space}<a class="cite"${attr('href', `#fn-${inline.footnote}`)}${id}>${text(citationLabel(inline.label))}<sup>${inline.footnote}</sup></a>`
    } else {
      const words = followsCitation ? textAfterCitation(inline.text) : inline.text
      let html = text(words)
      if (inline.italic) html = `<em>${html}</em>`
      if (inline.bold) html = `<strong>${html}</strong>`
      // And after it, unless punctuation follows (it stays where it was typed).
      out += (followsCitation && !HUGS_CITATION.test(words) ? ' ' : '') + html
    }
  }
  return out
}
