import { useTranslation } from 'react-i18next'
import type { StageNavigation } from './stageNavigation.ts'
import { STAGE_HEADING_ID } from './StageNow.tsx'
import { backToGroup } from './useStageNavigation.ts'

/**
 * Shown while someone looks back at a finished stage: where the group is, and one clear button
 * to rejoin it (no reload, nothing lost). It stays at the top edge while they scroll.
 */
export function BackToGroup({ nav }: { nav: StageNavigation }) {
  const { t } = useTranslation()
  if (!nav.outOfStep || !nav.current || !nav.viewed) return null
  const rejoin = () => {
    backToGroup()
    // The heading now names the group's stage; a keyboard or screen-reader user lands there.
    requestAnimationFrame(() => document.getElementById(STAGE_HEADING_ID)?.focus())
  }
  return (
    <div className="back-to-group ui-toolbar" role="region" aria-label={t('stageArea.outOfStepLabel')}>
      <p className="back-to-group__text">
        <span className="back-to-group__long">
          {t('stageArea.outOfStep', { viewed: t(`stage.${nav.viewed.kind}.name`), current: t(`stage.${nav.current.kind}.name`) })}
        </span>
        {/* A phone's bar is one short row: it stays over the cards while they scroll, and the heading says what they look at. */}
        <span className="back-to-group__short">{t('stageArea.outOfStepShort', { current: t(`stage.${nav.current.kind}.name`) })}</span>
      </p>
      <button type="button" className="button button--primary back-to-group__button" onClick={rejoin}>
        {t('stageArea.backToGroup')}
      </button>
    </div>
  )
}
