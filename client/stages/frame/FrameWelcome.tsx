import { useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../shared/protocol.ts'
import { selectFocalQuestion, selectHorizonYear, selectThemes } from '../../state/selectors.ts'
import { useStore } from '../../state/store.ts'
import { useFitFontSize } from '../../ui/fit/useFitFontSize.ts'

interface FrameWelcomeProps {
  role: Role
  /** Only while the room is really on this stage does "wait for the facilitator" make sense. */
  isCurrent: boolean
  /** On the projector: the question as large as the screen allows, never cut. */
  fitToScreen?: boolean
}

/**
 * What the room reads at the start: the focal question, large, the horizon year and the themes;
 * a participant also gets a friendly "you're in". The same view on a phone and on the projector
 * (where everything scales with the root font size).
 */
export function FrameWelcome({ role, isCurrent, fitToScreen = false }: FrameWelcomeProps) {
  const { t } = useTranslation()
  const id = useId()
  const question = useStore(selectFocalQuestion)
  const year = useStore(selectHorizonYear)
  const themes = useStore(selectThemes)
  const root = useRef<HTMLDivElement>(null)
  useFitFontSize(root, `${question}|${year}|${themes.length}`, { property: '--question-size', largest: 2.25, smallest: 0.7 }, fitToScreen)

  return (
    <div ref={root} className={`frame-welcome frame-welcome--${role}${fitToScreen ? ' frame-welcome--fitted' : ''}`}>
      <section className="frame-welcome__question ui-stack" aria-labelledby={`${id}-question`}>
        {year !== null && (
          <p className="frame-welcome__year">
            <span className="frame-welcome__year-label">{t('frame.view.horizon')}</span> <span className="frame-welcome__year-value">{year}</span>
          </p>
        )}
        <h2 id={`${id}-question`} className="frame-welcome__text">
          {question ?? t('frame.view.noQuestion')}
        </h2>
      </section>

      {themes.length > 0 && (
        <section className="frame-welcome__themes" aria-labelledby={`${id}-themes`}>
          <h3 id={`${id}-themes`} className="frame-welcome__subheading">
            {t('frame.view.themes')}
          </h3>
          <ul className="frame-welcome__theme-list ui-list">
            {themes.map((theme) => (
              <li key={theme.id} className="tag tag--theme frame-welcome__theme">
                {theme.label}
              </li>
            ))}
          </ul>
        </section>
      )}

      {role === 'participant' && isCurrent && <YoureIn />}
    </div>
  )
}

function YoureIn() {
  const { t } = useTranslation()
  const name = useStore((s) => s.participant?.name ?? '')
  return (
    <section className="frame-welcome__in ui-frame" aria-live="polite">
      <span className="frame-welcome__check" aria-hidden="true" />
      <div className="frame-welcome__in-text">
        <p className="frame-welcome__in-title">{name ? t('frame.view.inNamed', { name }) : t('frame.view.in')}</p>
        <p className="frame-welcome__in-body">{t('frame.view.wait')}</p>
      </div>
      <button type="button" className="button button--ghost frame-welcome__name" onClick={() => useStore.getState().openDialog('name')}>
        {name ? t('frame.view.changeName') : t('frame.view.addName')}
      </button>
    </section>
  )
}
