import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useContextStore } from '../state/storeContext.ts'

/** Turns text into text with soft hyphens (U+00AD) where a word may break. */
type Hyphenate = (text: string) => string

/** Letters a word needs before it gets break points (see the loader). */
const MIN_WORD_LETTERS = 18

/**
 * Finnish is written in long compounds ("terveyskeskuslääkäriltä"), and a browser without its
 * hyphenation dictionary (Chromium on Linux has none) broke them anywhere, with no hyphen, on the
 * projector's narrow columns. Soft hyphens at Finnish syllable breaks (the `hyphen` package's
 * patterns) let the browser break them as Finnish is printed, with a hyphen, and only where the
 * line needs it. Loaded only for a Finnish workshop; other languages are left to the browser.
 */
const loaders: { readonly [language: string]: () => Promise<Hyphenate> } = {
  fi: async () => {
    const { default: patterns } = await import('hyphen/fi')
    // Only words that may not fit a line of the projector's narrowest column (a trend's cards:
    // about 20 letters) get break points: a shorter word goes whole to the next line, as a title
    // should ("Hoivakustan-nukset kasvavat" read worse than breaking at the space).
    return (text) => atLeastThreeLetters(patterns.hyphenateSync(text, { minWordLength: MIN_WORD_LETTERS }))
  },
}

/**
 * No break leaving one or two letters alone on a line ("yh-" / "teisöasumiskokeilu"): the
 * patterns allow them; printed Finnish does not.
 */
function atLeastThreeLetters(text: string): string {
  return text.replace(/(^|[^\p{L}\u00AD])(\p{L}{1,2})\u00AD/gu, '$1$2').replace(/\u00AD(\p{L}{1,2})(?=[^\p{L}\u00AD]|$)/gu, '$1')
}

const ready = new Map<string, Hyphenate>()
const loading = new Map<string, Promise<Hyphenate>>()

const asIs: Hyphenate = (text) => text

/**
 * Hyphenates the workshop's words in the workshop's language (what they are written in, whatever
 * language someone's screen shows), else the page's: the text as it is until the patterns are in
 * (a moment, once per page), and for languages without patterns here.
 */
export function useHyphenate(): Hyphenate {
  const { i18n } = useTranslation()
  const language = useContextStore((s) => s.control?.meta.language) ?? i18n.language
  const [, setLoaded] = useState(0)
  const load = loaders[language]
  useEffect(() => {
    if (!load || ready.has(language)) return
    let live = true
    let promise = loading.get(language)
    if (!promise) {
      promise = load().then((hyphenate) => {
        ready.set(language, hyphenate)
        return hyphenate
      })
      loading.set(language, promise)
    }
    promise.then(
      () => live && setLoaded((n) => n + 1),
      () => undefined, // without patterns the browser breaks as it did
    )
    return () => {
      live = false
    }
  }, [language, load])
  return ready.get(language) ?? asIs
}
