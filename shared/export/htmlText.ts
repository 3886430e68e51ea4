/**
 * User text made safe to place in HTML. Every string a person typed goes through `text` (in
 * element content) or `attr` (in a double-quoted attribute); the only URLs that become an
 * `href` are http(s) ones, and internal links point at anchors this export generated itself.
 */
import { isHttpHref, type ReportLink } from './report'

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Escapes text for element content and for double- or single-quoted attribute values alike.
 *
 * @example
 * text('<img src=x onerror=alert(1)>') // '&lt;img src=x onerror=alert(1)&gt;'
 */
export function text(value: string): string {
  // Most text has nothing to escape; testing first skips building a new string.
  return SPECIALS.test(value) ? value.replace(SPECIALS_ALL, (c) => ENTITIES[c]!) : value
}

const SPECIALS = /[&<>"']/
const SPECIALS_ALL = /[&<>"']/g

/** An attribute value, quoted and escaped: `attr('class', 'a"b')` → ` class="a&quot;b"`. */
export function attr(name: string, value: string): string {
  return ` ${name}="${text(value)}"`
}

/** Longer user text as paragraphs; single line breaks become `<br>`. */
export function paragraphs(value: string, className?: string): string {
  const classAttr = className ? attr('class', className) : ''
  return value
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p${classAttr}>${paragraph.split('\n').map(text).join('<br>')}</p>`)
    .join('\n')
}

/**
 * A link to an external source, or just the text when the URL is not http(s). The domain is
 * kept in `data-domain` so print can show where a link goes when the text does not say it.
 *
 * @example
 * externalLink({ url: 'https://yle.fi/a', domain: 'yle.fi' }) // '<a href="https://yle.fi/a" rel="noopener noreferrer">yle.fi</a>'
 */
export function externalLink({ url, domain }: ReportLink, label: string = domain): string {
  if (!isHttpHref(url)) return text(label)
  const domainAttr = domain !== label ? attr('data-domain', domain) : ''
  return `<a${attr('href', url)} rel="noopener noreferrer"${domainAttr}>${text(label)}</a>`
}

/**
 * A link to a section of this document; `anchor` is always one the export generated. `kind`
 * ("Story", "Trend") is said to screen readers and shown as a tooltip.
 */
export function internalLink(anchor: string | null, label: string, className?: string, kind?: string): string {
  const classAttr = className ? attr('class', className) : ''
  const hidden = kind ? `<span class="visually-hidden">${text(kind)}: </span>` : ''
  if (anchor === null || !/^[a-z]+(-[0-9]+)?$/.test(anchor)) return `<span${classAttr}>${hidden}${text(label)}</span>`
  return `<a${attr('href', `#${anchor}`)}${classAttr}${kind ? attr('title', kind) : ''}>${hidden}${text(label)}</a>`
}
