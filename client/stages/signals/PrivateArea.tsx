import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrivateCount } from '../../../shared/schema/session.ts'
import { PrivatePace } from './PrivatePace.tsx'
import './private.css'

interface PrivateAreaProps {
  counts: Readonly<Record<string, PrivateCount>>
  /** Whose own count is left out of the pace (shown as their cards instead); null on the projector. */
  selfId: string | null
  /** This person's own private cards (a wall), or null when they have none yet. Absent on the projector. */
  mine?: ReactNode
  /** The projector: the room's view, no "your cards", names hidden when the facilitator keeps them so. */
  forScreen?: boolean
  anonymous?: boolean
}

/**
 * While the group writes privately: what that means in one sentence, this person's own cards
 * (marked "only you can see this"), and everyone else's pace as face-down tiles.
 */
export function PrivateArea({ counts, selfId, mine = null, forScreen = false, anonymous = false }: PrivateAreaProps) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <section className={`private-area ui-stack${forScreen ? ' private-area--screen' : ''}`} aria-labelledby={`${id}-heading`}>
      <div className="private-area__intro">
        <span className="private-area__lock" aria-hidden="true" />
        <div>
          <h2 id={`${id}-heading`} className="private-area__heading">
            {t('signals.private.heading')}
          </h2>
          <p className="private-area__lead">{forScreen ? t('signals.private.screenLead') : t('signals.private.lead')}</p>
        </div>
      </div>
      {!forScreen && (
        <div className="private-area__mine ui-stack">
          <h3 className="private-area__subheading">{t('signals.private.yourCards')}</h3>
          {mine ?? <p className="private-area__empty">{t('signals.private.noneYet')}</p>}
        </div>
      )}
      <PrivatePace counts={counts} selfId={selfId} anonymous={anonymous} />
    </section>
  )
}
