import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './app/styles/tokens.css'
import './app/styles/base.css'
import './app/styles/components.css'
import './app/styles/forms.css'
import './app/styles/layout.css'
// Before every feature's CSS (which App brings in): a feature's own rule overrides a shared default.
import './ui/patterns.css'
import { startI18n } from './i18n/index.ts'
import { App, preloadPage } from './app/App.tsx'
import { registerServiceWorker } from './sync/registerServiceWorker.ts'

const container = document.getElementById('root')
if (!container) throw new Error('#root is missing from index.html')

registerServiceWorker()
// The page's chunk downloads while the language does: two requests at once, not one after the other.
preloadPage()
void startI18n().then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
)
