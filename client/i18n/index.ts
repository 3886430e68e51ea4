/**
 * i18next set-up. Both catalogues are bundled (they are small), so initialisation is synchronous
 * and the first render is already in the right language: no flash of keys, no Suspense.
 */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { catalogues } from './catalogues.ts'
import { initialLanguage, LANGUAGES, type Language } from './language.ts'

export const resources = { en: { translation: catalogues.en }, fi: { translation: catalogues.fi } } as const

let initialised = false

/** Initialises i18next once (idempotent: tests and main.tsx may both call it). */
export function initI18n(language: Language = initialLanguage()): typeof i18next {
  if (!initialised) {
    initialised = true
    void i18next.use(initReactI18next).init({
      resources,
      lng: language,
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

/** Switches the UI language and keeps `<html lang>` in step (screen readers pick voices by it). */
export function setUiLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language)
  applyDocumentLanguage(language)
}

function applyDocumentLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language
}
