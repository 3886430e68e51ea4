import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { navigate } from '../routing.ts'
import { Brand } from './Brand.tsx'
import { SkipLink } from './SkipLink.tsx'
import { useDocumentTitle } from './useDocumentTitle.ts'

interface MessagePageProps {
  /** Already translated. */
  documentTitle: string
  title: string
  /** The explanation, one or more paragraphs. */
  children: ReactNode
  /** Label of the one way out: back to the start page. */
  homeLabel: string
  homeStyle?: 'primary' | 'secondary'
  className?: string
}

/**
 * A full page that says one thing in plain words (not found, a broken link) and offers the one
 * way out, the start page.
 */
export function MessagePage({ documentTitle, title, children, homeLabel, homeStyle = 'secondary', className }: MessagePageProps) {
  useDocumentTitle(documentTitle)
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <Brand />
      </header>
      <main id="main" tabIndex={-1} className="page page--narrow">
        <section className={`panel panel--centered ${className ?? ''}`} aria-labelledby="message-title">
          <h1 id="message-title" className="panel__title">
            {title}
          </h1>
          {children}
          <button type="button" className={`button button--${homeStyle}`} onClick={() => navigate('/')}>
            {homeLabel}
          </button>
        </section>
      </main>
    </>
  )
}

/** A `MessagePage` from the catalogue keys `<prefix>.documentTitle|title|body|home`. */
export function useMessageText(prefix: string) {
  const { t } = useTranslation()
  return { documentTitle: t(`${prefix}.documentTitle`), title: t(`${prefix}.title`), body: t(`${prefix}.body`), homeLabel: t(`${prefix}.home`) }
}
