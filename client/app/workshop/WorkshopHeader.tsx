import { useTranslation } from 'react-i18next'
import type { Role } from '../../../shared/protocol.ts'
import { rememberLanguageChoice, type Language } from '../../i18n/language.ts'
import { selectWorkshopTitle } from '../../state/selectors.ts'
import { useStore } from '../../state/store.ts'
import { Brand } from '../common/Brand.tsx'
import { LanguageSwitch } from '../common/LanguageSwitch.tsx'
import { WorkshopConnectionIndicator } from './ConnectionIndicator.tsx'
import { NameButton } from './NameDialog.tsx'
import { PresenceSummary } from './presence/PresenceSummary.tsx'
import { UndoButtons } from './undo/UndoButtons.tsx'

/**
 * The workshop's top bar: which workshop and in what role; then who is here, undo, the quiet
 * connection state, your name and the language. A projector shows only what the room needs.
 */
export function WorkshopHeader({ role }: { role: Role }) {
  const { t } = useTranslation()
  const title = useStore(selectWorkshopTitle)
  const workshopId = useStore((s) => s.session?.workshopId)
  const language = useStore((s) => s.ui.language)

  const switchLanguage = (next: Language) => {
    rememberLanguageChoice(next, workshopId)
    useStore.getState().setLanguage(next)
  }

  return (
    <header className="app-header app-header--workshop workshop-header">
      <Brand />
      <div className="app-header__title">
        <h1 className="workshop-title">{title ?? t('workshop.untitled')}</h1>
        <span className={`badge badge--${role}`}>{t(`role.${role}`)}</span>
      </div>
      <div className="app-header__tools workshop-header__tools">
        {role !== 'screen' && <PresenceSummary />}
        {role !== 'screen' && <UndoButtons />}
        <WorkshopConnectionIndicator />
        {role !== 'screen' && <NameButton />}
        {role !== 'screen' && <LanguageSwitch value={language} onChange={switchLanguage} />}
      </div>
    </header>
  )
}
