/**
 * i18next set-up. Each language is a chunk of its own (about 15 KB gzip each), and a phone loads
 * only the one it shows: `startI18n` loads it before the first render, so that render is already
 * in the right language (no flash of keys, no Suspense). The strings the first screen never shows
 * (the facilitator's console, the projector's panels, the signal bank, and the stages from Trends
 * on, whose own names stay in the first part for the stepper and presence) are a second chunk per
 * language, loaded with that code (`withToolStrings`). Switching language loads what
 * this page has of the other language first and then switches, so the page never shows keys in
 * between.
 */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { initialLanguage, LANGUAGES, type Language } from './language.ts'
import type { Catalogue } from './merge.ts'

type CatalogueModule = Promise<{ catalogue: Catalogue }>

const loaders: Record<Language, () => CatalogueModule> = {
  en: () => import('./catalogue.en.ts'),
  fi: () => import('./catalogue.fi.ts'),
}

const toolLoaders: Record<Language, () => CatalogueModule> = {
  en: () => import('./toolCatalogue.en.ts'),
  fi: () => import('./toolCatalogue.fi.ts'),
}

type Part = 'main' | 'tools'

/** The parts (`language:part`) i18next holds. */
const loaded = new Set<string>()
/** Each part of a language is loaded once, however many callers ask. */
const loading = new Map<string, Promise<void>>()

function loadPart(language: Language, part: Part): Promise<void> {
  const key = `${language}:${part}`
  if (loaded.has(key)) return Promise.resolve()
  let load = loading.get(key)
  if (!load) {
    load = (part === 'main' ? loaders : toolLoaders)[language]().then(({ catalogue }) => {
      // Deep, without overwriting: the two parts of a language arrive in either order.
      i18next.addResourceBundle(language, 'translation', catalogue, true, false)
      loaded.add(key)
    })
    // A failed load (the network dropped) is tried again by the next caller.
    load.catch(() => loading.delete(key))
    loading.set(key, load)
  }
  return load
}

/** Whether this page has opened a tool: a language switch then brings the tools' strings too. */
let toolsOpened = false
/** The language a switch is loading (null when none is under way): a tool opened meanwhile needs both. */
let switchingTo: Language | null = null

let initialised = false

/**
 * Initialises i18next once (idempotent: tests and main.tsx may both call it) with the catalogues
 * given, synchronously, holding `parts` of each. Tests pass both languages whole
 * (`catalogues.ts`); the app passes the main part of the one it loaded.
 */
export function initI18n(language: Language, catalogues: Partial<Record<Language, Catalogue>>, parts: readonly Part[] = ['main']): typeof i18next {
  if (!initialised) {
    initialised = true
    for (const lng of Object.keys(catalogues)) for (const part of parts) loaded.add(`${lng}:${part}`)
    const resources = Object.fromEntries(Object.entries(catalogues).map(([lng, catalogue]) => [lng, { translation: catalogue }]))
    void i18next.use(initReactI18next).init({
      resources,
      lng: language,
      // Both catalogues are complete (catalogues.test.ts); English backs up only where it is loaded.
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      initAsync: false,
      // React escapes text itself; escaping here would double-escape user text in interpolations.
      interpolation: { escapeValue: false },
      returnNull: false,
      // Strings added later (the tools' part) reach what is on screen already.
      react: { bindI18nStore: 'added' },
    })
    applyDocumentLanguage(language)
  }
  return i18next
}

/** For main.tsx: loads the language this page starts in, then initialises i18next with it. */
export async function startI18n(language: Language = initialLanguage()): Promise<void> {
  const { catalogue } = await loaders[language]()
  initI18n(language, { [language]: catalogue })
}

/**
 * Wraps a lazy import of a tool (the console, the projector's view, the signal bank) so that it
 * resolves once the tools' strings are in too, of the language shown and of one being switched
 * to: the tool's first render never shows a key. Should the strings not come (the network
 * dropped), the tool still opens, and the strings are asked for again when the browser is back
 * online: they show as they arrive (`bindI18nStore`), where a failed import would leave the tool
 * blank for good (React keeps a lazy import's failure).
 */
export function withToolStrings<Module>(load: () => Promise<Module>): () => Promise<Module> {
  return async () => {
    toolsOpened = true
    const [module] = await Promise.all([load(), loadToolStrings()])
    return module
  }
}

function loadToolStrings(): Promise<void> {
  const languages = new Set([shownLanguage(), ...(switchingTo ? [switchingTo] : [])])
  return Promise.all([...languages].map((language) => loadPart(language, 'tools'))).then(() => {}, retryToolStringsOnline)
}

/** The tools' strings did not come: asked for again once the browser is back online. */
function retryToolStringsOnline(): void {
  if (typeof window !== 'undefined') window.addEventListener('online', () => void loadToolStrings(), { once: true })
}

function shownLanguage(): Language {
  return (LANGUAGES as readonly string[]).includes(i18next.language) ? (i18next.language as Language) : 'en'
}

/**
 * Switches the UI language and keeps `<html lang>` in step (screen readers pick voices by it),
 * once the language's main part is in; the tools' part too, if a tool was opened, unless it fails
 * to come: the tools then fall back to English where this page has it until their strings come
 * (see `withToolStrings`), rather than the whole page staying in the other language. The last call
 * wins when two switches overlap.
 */
export function setUiLanguage(language: Language): void {
  const parts: Part[] = toolsOpened ? ['main', 'tools'] : ['main']
  if (parts.every((part) => loaded.has(`${language}:${part}`))) {
    switchingTo = null
    return switchTo(language)
  }
  switchingTo = language
  const tools = toolsOpened ? loadPart(language, 'tools').catch(retryToolStringsOnline) : undefined
  void Promise.all([loadPart(language, 'main'), tools]).then(
    () => {
      if (switchingTo !== language) return
      switchingTo = null
      switchTo(language)
    },
    // The main part did not come (offline): the page stays in the language it shows; the next switch tries again.
    () => {
      if (switchingTo === language) switchingTo = null
    },
  )
}

function switchTo(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language)
  applyDocumentLanguage(language)
}

function applyDocumentLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language
}
