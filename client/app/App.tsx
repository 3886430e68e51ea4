import { lazy, Suspense, useEffect } from 'react'
import { setUiLanguage, withToolStrings } from '../i18n/index.ts'
import { useStore } from '../state/store.ts'
import { parseRoute, useRoute, type Route } from './routing.ts'
import { NotFoundPage } from './NotFoundPage.tsx'

/**
 * Each page is a chunk of its own, so a participant's phone opening the wall's link downloads the
 * workshop and not the home page's forms (and the other way round). `preloadPage` starts the
 * download for the address the tab opened on while the language loads (see main.tsx).
 */
const pages = {
  // With the tools' strings, where its forms' are: a participant's phone never needs them.
  home: withToolStrings(() => import('./home/HomePage.tsx')),
  join: () => import('./join/JoinCodePage.tsx'),
  workshop: () => import('./workshop/WorkshopPage.tsx'),
}
const HomePage = lazy(() => pages.home().then((m) => ({ default: m.HomePage })))
const JoinCodePage = lazy(() => pages.join().then((m) => ({ default: m.JoinCodePage })))
const WorkshopPage = lazy(() => pages.workshop().then((m) => ({ default: m.WorkshopPage })))

export function preloadPage(route: Route = parseRoute(window.location.pathname)): void {
  if (route.name !== 'notFound') void pages[route.name]().catch(() => {}) // the page's own import reports a failure
}

/** The store's `ui.language` is the one source of truth; i18next and `<html lang>` follow it. */
function useUiLanguage(): void {
  const language = useStore((s) => s.ui.language)
  useEffect(() => setUiLanguage(language), [language])
}

export function App() {
  useUiLanguage()
  const route = useRoute()
  return <Suspense fallback={null}>{page(route)}</Suspense>
}

function page(route: Route) {
  switch (route.name) {
    case 'home':
      return <HomePage />
    case 'join':
      return <JoinCodePage code={route.code} />
    case 'workshop':
      // Keyed so that switching workshop or role tears down every connection of the old one.
      return <WorkshopPage key={`${route.workshopId}/${route.role}`} workshopId={route.workshopId} role={route.role} />
    case 'notFound':
      return <NotFoundPage />
  }
}
