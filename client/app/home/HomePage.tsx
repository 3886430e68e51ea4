import { useTranslation } from 'react-i18next'
import { rememberLanguageChoice, type Language } from '../../i18n/language.ts'
import { useStore } from '../../state/store.ts'
import { Brand } from '../common/Brand.tsx'
import { LanguageSwitch } from '../common/LanguageSwitch.tsx'
import { SkipLink } from '../common/SkipLink.tsx'
import { useDocumentTitle } from '../common/useDocumentTitle.ts'
import { CreateWorkshopForm } from './CreateWorkshopForm.tsx'
import { OpenBackup } from '../workshop/results/OpenBackup.tsx'
import { JoinForm } from './JoinForm.tsx'

export function HomePage() {
  const { t } = useTranslation()
  const language = useStore((s) => s.ui.language)
  const setLanguage = useStore((s) => s.setLanguage)
  useDocumentTitle(t('app.name'))

  const switchLanguage = (next: Language) => {
    rememberLanguageChoice(next)
    setLanguage(next)
  }

  return (
    <>
      <SkipLink />
      <header className="app-header">
        <Brand />
        <div className="app-header__tools">
          <LanguageSwitch value={language} onChange={switchLanguage} />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page home">
        <div className="home__intro">
          <h1 className="home__title">{t('home.title')}</h1>
          <p className="home__lead">{t('home.lead')}</p>
        </div>
        <div className="home__grid">
          <section className="panel home__create">
            <CreateWorkshopForm defaultLanguage={language} />
          </section>
          <div className="home__side">
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
