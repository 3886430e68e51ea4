/**
 * User text made safe to place in Markdown: it must read as the words people typed and never
 * become markup. Every construct that could turn text into a link, an image, code, raw HTML, a
 * footnote or a block (heading, list, quote, table, rule) is backslash-escaped; CommonMark
 * allows a backslash before any ASCII punctuation, so the escapes render as the bare character.
 *
 * Escaping everything everywhere would make the raw file unreadable (`Hello\.`), so only the
 * characters that can start markup are escaped, plus line starts, where the block syntax lives.
 */
import { isHttpHref, type ReportLink } from './report'

/** Characters that open or close inline markup anywhere in a line (GFM included: `~`, `|`). */
const INLINE_SPECIALS = /[\\`*_[\]<>|~#]/g
const NEEDS_ESCAPE = /[\\`*_[\]<>|~#&]/

/**
 * Escapes one line of user text for use inside a Markdown line.
 *
 * @example
 * escapeInline('[x](javascript:alert(1))') // '\\[x\\]\\(javascript:alert(1))'
 */
export function escapeInline(text: string): string {
  // Most text needs nothing: testing first keeps a 1,000-card export fast.
  if (!NEEDS_ESCAPE.test(text)) return text
  return (
    text
      .replace(INLINE_SPECIALS, '\\$&')
      // `](` is the hinge of a link; breaking it means no later parser can see one here.
      .replace(/\\\]\(/g, '\\]\\(')
      // `&lt;` typed by a person must print as `&lt;`, not as `<`.
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
  )
}

/** Escapes what would start a block at the beginning of a line: `-`, `+`, `=`, `1.`, `1)`. */
export function escapeLineStart(line: string): string {
  const first = line.charCodeAt(0)
  const risky = first === 0x2b || first === 0x2d || first === 0x3d || (first >= 0x30 && first <= 0x39)
  if (!risky) return line
  return line.replace(/^[+=-]/, '\\$&').replace(/^(\d{1,9})([.)])/, '$1\\$2')
}

/**
 * Short user text (a title, a name) as one Markdown line: whitespace runs, newlines included,
 * become one space, so a title cannot end a heading or start a new block.
 *
 * @example
 * inlineText('- not a list\n# not a heading') // '\\- not a list \\# not a heading'
 */
export function inlineText(text: string): string {
  return escapeLineStart(midText(text))
}

/**
 * Like `inlineText`, for text placed after something else on its line (`**Date:** 12.3.2025`),
 * where `12.` cannot start a list and needs no backslash.
 */
export function midText(text: string): string {
  const collapsed = /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text
  return escapeInline(collapsed.trim())
}

/**
 * Longer user text (a description, a narrative) as Markdown lines: paragraphs stay paragraphs,
 * single line breaks become hard breaks, and every line is escaped as a line start.
 */
export function paragraphLines(text: string): string[] {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => inlineText(line))
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0)
  const out: string[] = []
  for (const lines of paragraphs) {
    if (out.length > 0) out.push('')
    // A backslash at the end of a line is CommonMark's hard line break.
    lines.forEach((line, i) => out.push(i < lines.length - 1 ? `${line}\\` : line))
  }
  return out
}

/**
 * A Markdown link to an http(s) source, or just the escaped text for anything else: a
 * `javascript:` or `data:` URL can never become clickable.
 *
 * @example
 * link({ url: 'https://yle.fi/a(1)', domain: 'yle.fi' }) // '[yle.fi](https://yle.fi/a%281%29)'
 */
export function link({ url, domain }: ReportLink, label: string = domain): string {
  if (!isHttpHref(url)) return inlineText(label)
  // Parentheses would end the destination early; percent-encoding keeps the URL the same.
  const destination = url.replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))
  return `[${inlineText(label)}](${destination})`
}

/** Indents every line but the first by `width` spaces (continuation of a list item). */
export function continueLines(lines: readonly string[], first: string, width: number): string[] {
  const pad = ' '.repeat(width)
  return lines.map((line, i) => (i === 0 ? first + line : line === '' ? '' : pad + line))
}
