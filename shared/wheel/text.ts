/**
 * Text for the futures wheel's boxes: how wide a line is, and how a text wraps into a few lines.
 * Pure, so the browser, the projector and an SVG export all lay a wheel out the same way; the
 * browser may pass a real measurement (canvas `measureText`) instead of the estimate.
 */

/** Width of `text` in layout units, for the given font size and weight. */
export type TextMeasure = (text: string, fontSize: number, bold: boolean) => number

// Average advance widths, in em, of a humanist system sans-serif (Segoe UI, Roboto, Helvetica).
// Erring wide is safe: a box a little too wide looks fine, text spilling out of one does not.
const NARROW = new Set([...` iljI.,;:'|!()[]{}\``])
const SEMI = new Set([...'frtJ-"/'])
const WIDE = new Set([...'mwMW@%'])

function charEm(char: string): number {
  if (NARROW.has(char)) return 0.3
  if (SEMI.has(char)) return 0.38
  if (WIDE.has(char)) return 0.88
  if (char >= '0' && char <= '9') return 0.57
  if (char !== char.toLowerCase()) return 0.68 // capitals, including Ä, Ö
  return 0.56
}

/**
 * A font-free estimate of a line's width: good to a few percent for Latin text, and on the
 * generous side. Deterministic, which the layout tests rely on.
 *
 * @example
 * estimateTextWidth('Fewer care homes', 14, false) // ≈ 110
 */
export const estimateTextWidth: TextMeasure = (text, fontSize, bold) => {
  let em = 0
  for (const char of text) em += charEm(char)
  return em * fontSize * (bold ? 1.07 : 1)
}

export interface WrappedText {
  readonly lines: readonly string[]
  /** The text did not fit in `maxLines`; the last line ends with an ellipsis. */
  readonly truncated: boolean
}

const ELLIPSIS = '…'

/** Where a word may break with a hyphen (the app's Finnish hyphenation puts them in long words). */
const SOFT_HYPHEN = '\u00AD'

/** The text as shown: without its soft hyphens. */
export const withoutSoftHyphens = (text: string) => text.replaceAll(SOFT_HYPHEN, '')

/**
 * Greedy word wrap into lines no wider than `maxWidth`. A word longer than a line is broken at
 * its last soft hyphen that leaves the line, with a "-", narrow enough; a word without one (a
 * URL) between letters. Past `maxLines` the text is cut and the last line ends with "…".
 *
 * @example
 * wrapText('Homes adapted for care at home', 90, (s) => s.length * 7, 3).lines // ['Homes adapted', 'for care at', 'home']
 */
export function wrapText(text: string, maxWidth: number, measure: (line: string) => number, maxLines: number): WrappedText {
  const words = text.trim().split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let line = ''
  const push = (value: string) => {
    lines.push(value)
    line = ''
  }
  for (const marked of words) {
    const word = withoutSoftHyphens(marked)
    const candidate = line ? `${line} ${word}` : word
    if (measure(candidate) <= maxWidth) {
      line = candidate
      continue
    }
    if (line) push(line)
    // A word wider than a whole line (a long Finnish compound, a URL) is broken.
    let rest = marked
    while (measure(withoutSoftHyphens(rest)) > maxWidth) {
      const hyphen = lastHyphenFitting(rest, maxWidth, measure)
      if (hyphen > 0) {
        push(`${withoutSoftHyphens(rest.slice(0, hyphen))}-`)
        rest = rest.slice(hyphen + 1)
        continue
      }
      const plain = withoutSoftHyphens(rest)
      let cut = plain.length - 1
      while (cut > 1 && measure(plain.slice(0, cut)) > maxWidth) cut--
      push(plain.slice(0, cut))
      rest = plain.slice(cut)
    }
    line = withoutSoftHyphens(rest)
  }
  if (line) push(line)
  if (lines.length <= maxLines) return { lines, truncated: false }

  // The last line takes as much of the rest as fits before the ellipsis.
  const kept = lines.slice(0, maxLines)
  let last = lines.slice(maxLines - 1).join(' ')
  while (last.length > 0 && measure(last + ELLIPSIS) > maxWidth) last = last.slice(0, -1)
  kept[maxLines - 1] = last.trimEnd() + ELLIPSIS
  return { lines: kept, truncated: true }
}

/** The index of the last soft hyphen in `word` after which the start, with a "-", fits `maxWidth`; -1 if none. */
function lastHyphenFitting(word: string, maxWidth: number, measure: (line: string) => number): number {
  for (let at = word.lastIndexOf(SOFT_HYPHEN); at > 0; at = word.lastIndexOf(SOFT_HYPHEN, at - 1)) {
    if (measure(`${withoutSoftHyphens(word.slice(0, at))}-`) <= maxWidth) return at
  }
  return -1
}
