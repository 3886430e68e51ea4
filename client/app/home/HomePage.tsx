import { useTranslation } from 'react-i18next'
import { useStore } from '../../state/store.ts'
import { SiteHeader } from '../common/SiteHeader.tsx'
import { SkipLink } from '../common/SkipLink.tsx'
import { useDocumentTitle } from '../common/useDocumentTitle.ts'
import { CreateWorkshopForm } from './CreateWorkshopForm.tsx'
import { OpenBackup } from '../workshop/results/OpenBackup.tsx'
import { JoinForm } from './JoinForm.tsx'

export function HomePage() {
  const { t } = useTranslation()
  const language = useStore((s) => s.ui.language)
  useDocumentTitle(t('app.name'))

  return (
    <>
      <SkipLink />
      <SiteHeader />
      <main id="main" tabIndex={-1} className="page home">
        <div className="home__intro">
          <h1 className="home__title">{t('home.title')}</h1>
          <p className="home__lead">{t('home.lead')}</p>
        </div>
        <div className="home__grid">
          <section className="panel home__create">
            <CreateWorkshopForm defaultLanguage={language} />
          </section>
          <div className="home__side ui-stack">
            <section className="panel panel--quiet home__join">
              <JoinForm />
            </section>
            <div className="panel panel--quiet home__backup">
              <OpenBackup />
            </div>
          </div>
        </div>
        <p className="privacy-note">{t('home.privacy')}</p>
      </main>
    </>
  )
}
