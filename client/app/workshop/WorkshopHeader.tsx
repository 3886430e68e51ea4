import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../shared/protocol.ts'
import { rememberLanguageChoice, type Language } from '../../i18n/language.ts'
import { selectCurrentStageId, selectWorkshopTitle } from '../../state/selectors.ts'
import { useStore } from '../../state/store.ts'
import { Brand } from '../common/Brand.tsx'
import { LanguageSwitch } from '../common/LanguageSwitch.tsx'
import { WorkshopConnectionIndicator } from './ConnectionIndicator.tsx'
import { NameButton } from './NameDialog.tsx'
import { PresenceSummary } from './presence/PresenceSummary.tsx'
import { UndoButtons } from './undo/UndoButtons.tsx'
import { usePublishedHeight } from './usePublishedHeight.ts'

/**
 * The workshop's top bar: which workshop and in what role; then who is here, undo, the quiet
 * connection state, your name and the language. A projector shows only what the room needs.
 * On a phone it is one row (so the stage's task fits the first screen): undo and the language sit
 * behind a "More" button there, which wider screens never show.
 */
export function WorkshopHeader({ role }: { role: Role }) {
  const { t } = useTranslation()
  const title = useStore(selectWorkshopTitle)
  const workshopId = useStore((s) => s.session?.workshopId)
  const language = useStore((s) => s.ui.language)
  const [moreOpen, setMoreOpen] = useState(false)
  const extraId = useId()
  const headerRef = useRef<HTMLElement>(null)
  const moreRef = useRef<HTMLButtonElement>(null)
  usePublishedHeight(headerRef, '--header-height')
  // The row behind "More" closes when the room moves on: left open, it took 100 px of every later stage on a phone.
  const stageId = useStore(selectCurrentStageId)
  const [openOn, setOpenOn] = useState(stageId)
  if (openOn !== stageId) {
    setOpenOn(stageId)
    setMoreOpen(false)
  }

  const switchLanguage = (next: Language) => {
    rememberLanguageChoice(next, workshopId)
    useStore.getState().setLanguage(next)
    // A language is chosen once: the row closes, and the keyboard goes back to "More".
    if (moreOpen) {
      setMoreOpen(false)
      moreRef.current?.focus()
    }
  }

  return (
    <header ref={headerRef} className="app-header app-header--workshop workshop-header">
      <Brand />
      <div className="app-header__title">
        <h1 className="workshop-title">{title ?? t('workshop.untitled')}</h1>
        <span className={`badge badge--${role}`}>{t(`role.${role}`)}</span>
      </div>
      <div className="app-header__tools workshop-header__tools">
        {role !== 'screen' && <PresenceSummary />}
        <WorkshopConnectionIndicator />
        {role !== 'screen' && <NameButton />}
        {role !== 'screen' && (
          <>
            <button
              ref={moreRef}
              type="button"
              className="button button--ghost icon-button workshop-header__more"
              aria-expanded={moreOpen}
              aria-controls={extraId}
              onClick={() => setMoreOpen((open) => !open)}
            >
              <span aria-hidden="true">⋯</span>
              <span className="visually-hidden">{t('workshop.moreTools')}</span>
            </button>
            <div id={extraId} className={`workshop-header__extra${moreOpen ? ' workshop-header__extra--open' : ''}`}>
              <UndoButtons />
              <LanguageSwitch value={language} onChange={switchLanguage} />
            </div>
          </>
        )}
      </div>
    </header>
  )
}
