/**
 * i18next set-up. Each language is a chunk of its own (about 20 KB gzip each), and a phone loads
 * only the one it shows: `startI18n` loads it before the first render, so that render is already
 * in the right language (no flash of keys, no Suspense). Switching to the other language loads it
 * first and then switches, so the page never shows keys in between.
 */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { initialLanguage, LANGUAGES, type Language } from './language.ts'
import type { Catalogue } from './merge.ts'

const loaders: Record<Language, () => Promise<{ catalogue: Catalogue }>> = {
  en: () => import('./catalogue.en.ts'),
  fi: () => import('./catalogue.fi.ts'),
}

let initialised = false

/**
 * Initialises i18next once (idempotent: tests and main.tsx may both call it) with the catalogues
 * given, synchronously. Tests pass both (`catalogues.ts`); the app passes the one it loaded.
 */
export function initI18n(language: Language, catalogues: Partial<Record<Language, Catalogue>>): typeof i18next {
  if (!initialised) {
    initialised = true
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

let wanted: Language | null = null

/**
 * Switches the UI language and keeps `<html lang>` in step (screen readers pick voices by it),
 * loading the language's catalogue first if this page has not yet. The last call wins when two
 * switches overlap.
 */
export function setUiLanguage(language: Language): void {
  wanted = language
  if (i18next.hasResourceBundle(language, 'translation')) return switchTo(language)
  void loaders[language]().then(({ catalogue }) => {
    if (!i18next.hasResourceBundle(language, 'translation')) i18next.addResourceBundle(language, 'translation', catalogue)
    if (wanted === language) switchTo(language)
  })
}

function switchTo(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language)
  applyDocumentLanguage(language)
}

function applyDocumentLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language
}
