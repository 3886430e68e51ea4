/**
 * Which language the UI speaks. Precedence, from strongest:
 *   1. the person's own choice inside this workshop (localStorage `s2s:lang:<workshopId>`),
 *   2. the workshop's language (control doc meta),
 *   3. the person's last choice anywhere (localStorage `s2s:lang`),
 *   4. the browser's language.
 * So a workshop runs in its own language by default, and whoever switches keeps their choice.
 */
import { LANGUAGES, type Language } from '../../shared/schema/meta.ts'

export { LANGUAGES, type Language }

const GLOBAL_KEY = 's2s:lang'
const workshopKey = (workshopId: string) => `s2s:lang:${workshopId}`

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

function readStored(key: string): Language | null {
  try {
    const value = localStorage.getItem(key)
    return isLanguage(value) ? value : null
  } catch {
    return null // storage blocked (privacy settings): fall through to the next source
  }
}

function browserLanguage(): Language {
  const preferred = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : []
  for (const tag of preferred) {
    const base = tag?.slice(0, 2).toLowerCase()
    if (isLanguage(base)) return base
  }
  return 'en'
}

/** Language for pages outside a workshop (home). */
export function initialLanguage(): Language {
  return readStored(GLOBAL_KEY) ?? browserLanguage()
}

/** Language inside a workshop, given the workshop's own language once it is known. */
export function workshopLanguage(workshopId: string, metaLanguage: unknown): Language {
  return readStored(workshopKey(workshopId)) ?? (isLanguage(metaLanguage) ? metaLanguage : null) ?? initialLanguage()
}

/** Remembers an explicit switch, for this workshop (if any) and as the person's general preference. */
export function rememberLanguageChoice(language: Language, workshopId?: string): void {
  try {
    localStorage.setItem(GLOBAL_KEY, language)
    if (workshopId) localStorage.setItem(workshopKey(workshopId), language)
  } catch {
    // not remembered; the switch still applies to this page
  }
}
