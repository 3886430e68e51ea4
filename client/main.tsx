import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './app/styles/tokens.css'
import './app/styles/base.css'
import './app/styles/components.css'
import './app/styles/forms.css'
import './app/styles/layout.css'
import { initI18n } from './i18n/index.ts'
import { App } from './app/App.tsx'

initI18n()

const container = document.getElementById('root')
if (!container) throw new Error('#root is missing from index.html')

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
