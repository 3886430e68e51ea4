import { rememberLanguageChoice, type Language } from '../../i18n/language.ts'
import { useStore } from '../../state/store.ts'
import { Brand } from './Brand.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'

/** The header of the pages outside a workshop (start, join by code): the brand and the language, remembered on this device. */
export function SiteHeader() {
  const language = useStore((s) => s.ui.language)
  const switchLanguage = (next: Language) => {
    rememberLanguageChoice(next)
    useStore.getState().setLanguage(next)
  }
  return (
    <header className="app-header">
      <Brand />
      <div className="app-header__tools">
        <LanguageSwitch value={language} onChange={switchLanguage} />
      </div>
    </header>
  )
}
