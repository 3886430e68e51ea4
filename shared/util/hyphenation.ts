/**
 * Soft hyphens (U+00AD) at syllable breaks, from the `hyphen` package's patterns: the projector
 * and the diagrams load a language's patterns when a workshop needs them (client/ui/hyphenate.ts),
 * the exported pictures have them at hand (shared/export/pictureText.ts). The rules both follow
 * live here, so a word breaks in the same places on the wall and in the report.
 */

/** A language's patterns, as the `hyphen` package exports them (`hyphen/fi`, `hyphen/en-gb`). */
export interface HyphenationPatterns {
  hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string
}

/**
 * `text` with soft hyphens in its words of `minWordLength` letters or more, never leaving one or
 * two letters alone on a line ("yh-" / "teisöasumiskokeilu"): the patterns allow those; print does not.
 *
 * @example
 * hyphenateWith(fi, 'terveyskeskuslääkäriltä', 14) // 'ter\u00ADveys\u00ADkes\u00ADkus\u00ADlää\u00ADkä\u00ADriltä'
 */
export function hyphenateWith(patterns: HyphenationPatterns, text: string, minWordLength: number): string {
  return patterns
    .hyphenateSync(text, { minWordLength })
    .replace(/(^|[^\p{L}\u00AD])(\p{L}{1,2})\u00AD/gu, '$1$2')
    .replace(/\u00AD(\p{L}{1,2})(?=[^\p{L}\u00AD]|$)/gu, '$1')
}
