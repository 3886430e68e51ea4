import { lazy, Suspense, useEffect } from 'react'
import { setUiLanguage } from '../i18n/index.ts'
import { useStore } from '../state/store.ts'
import { useRoute } from './routing.ts'
import { HomePage } from './home/HomePage.tsx'
import { JoinCodePage } from './join/JoinCodePage.tsx'
import { NotFoundPage } from './NotFoundPage.tsx'

// The workshop pages carry Yjs, the sync layer and (later) every stage: loaded only when opened,
// so the home page stays light on a phone.
const WorkshopPage = lazy(() => import('./workshop/WorkshopPage.tsx').then((m) => ({ default: m.WorkshopPage })))

/** The store's `ui.language` is the one source of truth; i18next and `<html lang>` follow it. */
function useUiLanguage(): void {
  const language = useStore((s) => s.ui.language)
  useEffect(() => setUiLanguage(language), [language])
}

export function App() {
  useUiLanguage()
  const route = useRoute()
  switch (route.name) {
    case 'home':
      return <HomePage />
    case 'join':
      return <JoinCodePage code={route.code} />
    case 'workshop':
      // Keyed so that switching workshop or role tears down every connection of the old one.
      return (
        <Suspense fallback={null}>
          <WorkshopPage key={`${route.workshopId}/${route.role}`} workshopId={route.workshopId} role={route.role} />
        </Suspense>
      )
    case 'notFound':
      return <NotFoundPage />
  }
}
