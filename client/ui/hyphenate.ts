import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useContextStore } from '../state/storeContext.ts'
import { hyphenateWith } from '../../shared/util/hyphenation.ts'
import { guessTextLanguage } from '../../shared/util/textLanguage.ts'

/**
 * The column a text is set in: `narrow` is the densest wall's (titles only, about 15 letters a
 * line), where a word shorter than the usual threshold no longer fits a line either.
 */
export type Column = 'wide' | 'narrow'

/** Turns text into text with soft hyphens (U+00AD) where a word may break. */
type Hyphenate = (text: string, column?: Column) => string

/**
 * Finnish is written in long compounds ("terveyskeskuslääkäriltä"), and a browser without its
 * hyphenation dictionary (Chromium on Linux has none, for any language) broke them anywhere, with
 * no hyphen, on the projector's narrow columns; English too ("Multigeneration / al" on the signal
 * wall). Soft hyphens at syllable breaks (the `hyphen` package's patterns) let the browser break
 * them as print does, with a hyphen, and only where the line needs it. Only words that may not fit
 * a line of the projector's narrowest column get break points: a shorter word goes whole to the
 * next line, as a title should ("Hoivakustan-nukset kasvavat" read worse than breaking at the
 * space). Where a word counts as long is a choice per language, made from screenshots of the
 * wall: English words of 14 letters or more are few, and each is worth a hyphen rather than a
 * break anywhere; Finnish titles are full of compounds of 14–17 letters, which hyphenated from 14
 * broke at line ends that had room for them on the next line, so Finnish starts at 18. The
 * densest wall is the exception (`narrow`: titles only, a column of about 15 letters): there a
 * Finnish word of 14–17 letters does not fit a line either, and the room test of 7 December saw
 * "Asukasbudjetoi|nti" broken with no hyphen, so there Finnish starts at 14. Used by
 * the projector, the signal cards (wall and trends board), the wheel's diagram and the replay; a
 * language's patterns load once a text in it has a word that long (English about 24 KB gzip,
 * Finnish 4 KB).
 */
const loaders: { readonly [language: string]: () => Promise<Hyphenate> } = {
  fi: async () => {
    const { default: patterns } = await import('hyphen/fi')
    return (text, column = 'wide') => hyphenateWith(patterns, text, column === 'narrow' ? 14 : 18)
  },
  en: async () => {
    const { default: patterns } = await import('hyphen/en-gb')
    // English words of 14 letters or more are few: the narrow columns' "neighbourhood" goes whole.
    return (text) => hyphenateWith(patterns, text, 14)
  },
}

/** A word as long as the shortest any language here breaks (see `loaders`). */
const MAY_NEED_BREAKS = /\p{L}{14}/u

const ready = new Map<string, Hyphenate>()
const loading = new Map<string, Promise<Hyphenate>>()

/** Starts loading a language's patterns, once per page; `then` runs when they are in. */
function loadPatterns(language: string, then: () => void): void {
  const load = loaders[language]
  if (!load || ready.has(language)) return
  let promise = loading.get(language)
  if (!promise) {
    promise = load().then((hyphenate) => {
      ready.set(language, hyphenate)
      return hyphenate
    })
    loading.set(language, promise)
  }
  promise.then(then, () => undefined) // without patterns the browser breaks as it did
}

/**
 * Hyphenates each text in its own language where it says clearly which (`guessTextLanguage`: a
 * Finnish card in an English workshop), else in the workshop's language (what its words are
 * written in, whatever language someone's screen shows), else the page's. A text stays as it is
 * until its patterns are in (a moment, once per page), and in languages without patterns here.
 */
export function useHyphenate(): Hyphenate {
  const { i18n } = useTranslation()
  const workshop = useContextStore((s) => s.control?.meta.language) ?? i18n.language
  const [loaded, setLoaded] = useState(0)
  const live = useRef(true)
  useEffect(() => {
    live.current = true
    return () => {
      live.current = false
    }
  }, [])
  const arrived = useCallback(() => live.current && setLoaded((n) => n + 1), [])
  return useCallback(
    (text: string, column?: Column) => {
      // Nothing to break, nothing to load: a phone on a wall of short titles never fetches the
      // patterns (24 KB gzip of English), which counted against its first screen.
      if (!MAY_NEED_BREAKS.test(text)) return text
      const language = guessTextLanguage(text) ?? workshop
      const hyphenate = ready.get(language)
      if (hyphenate) return hyphenate(text, column)
      // Asked for during render: loaded after it, and this text drawn again once they are in.
      if (loaders[language]) queueMicrotask(() => loadPatterns(language, arrived))
      return text
    },
    // `loaded`: a new function once more patterns are in, so memoised texts are hyphenated again.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `loaded` is the point: see above
    [workshop, arrived, loaded],
  )
}
