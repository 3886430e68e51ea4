import { useTranslation } from 'react-i18next'
import type { Focus } from '../../../shared/schema/session.ts'
import { FocusedSignal } from './FocusedSignal.tsx'
import { FocusedStory } from './FocusedStory.tsx'
import { FocusedTrend } from './FocusedTrend.tsx'
import { FocusedWheel } from './FocusedWheel.tsx'
import './focus.css'

/**
 * The one item the facilitator put on the screen, large, in place of the stage. Read from the
 * live board, so edits show as they are made. An item deleted meanwhile leaves a calm note.
 */
export function FocusView({ focus }: { focus: NonNullable<Focus> }) {
  const { t } = useTranslation()
  return (
    <section className="focus-view" aria-label={t('screen.focus.label')}>
      <p className="focus-view__eyebrow">{t(`screen.focus.kind.${focus.kind}`)}</p>
      {focus.kind === 'signal' && <FocusedSignal id={focus.id} />}
      {focus.kind === 'trend' && <FocusedTrend id={focus.id} />}
      {focus.kind === 'wheel' && <FocusedWheel trendId={focus.id} />}
      {focus.kind === 'story' && <FocusedStory id={focus.id} />}
    </section>
  )
}
