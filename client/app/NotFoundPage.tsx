import { useTranslation } from 'react-i18next'
import { Brand } from './common/Brand.tsx'
import { SkipLink } from './common/SkipLink.tsx'
import { useDocumentTitle } from './common/useDocumentTitle.ts'
import { navigate } from './routing.ts'

export function NotFoundPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('notFound.documentTitle'))
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <Brand />
      </header>
      <main id="main" tabIndex={-1} className="page page--narrow">
        <section className="panel panel--centered">
          <h1 className="panel__title">{t('notFound.title')}</h1>
          <p>{t('notFound.body')}</p>
          <button type="button" className="button button--primary" onClick={() => navigate('/')}>
            {t('notFound.home')}
          </button>
        </section>
      </main>
    </>
  )
}
