import { useTranslation } from 'react-i18next'
import type { Role } from '../../../shared/protocol.ts'
import type { StageKind } from '../../../shared/schema/stage.ts'
import { selectCurrentStage, selectFocalQuestion, selectHorizonYear, selectStages } from '../../state/selectors.ts'
import { useStore } from '../../state/store.ts'

/** The default flow, shown until the control document says which stages this workshop has. */
const DEFAULT_FLOW: readonly StageKind[] = ['frame', 'signals', 'trends', 'assess', 'wheel', 'stories', 'takeaways']

/**
 * The main area for now: where we are, what the question is, and where each role's stage tools
 * will come. Replaced stage by stage as `client/stages/*` lands.
 */
export function RolePanel({ role }: { role: Role }) {
  return (
    <div className="workshop__layout">
      <StageNow />
      <FocalQuestion />
      <section className="panel panel--placeholder" aria-labelledby={`placeholder-${role}`}>
        <RolePlaceholder role={role} />
      </section>
      {role === 'facilitator' && <FlowOverview />}
    </div>
  )
}

function StageNow() {
  const { t } = useTranslation()
  const stage = useStore(selectCurrentStage)
  const kind = stage?.kind
  // The facilitator's own instruction replaces the default one when set.
  const instruction = stage?.settings.prompt.trim() || (kind ? t(`stage.${kind}.instruction`) : t('workshop.notStartedHint'))
  return (
    <section className="stage-now" aria-labelledby="stage-now-title">
      <p className="eyebrow">{t('workshop.now')}</p>
      <h2 id="stage-now-title" className="stage-now__name">
        {kind ? t(`stage.${kind}.name`) : t('workshop.notStarted')}
      </h2>
      <p className="stage-now__instruction">{instruction}</p>
    </section>
  )
}

function FocalQuestion() {
  const { t } = useTranslation()
  const question = useStore(selectFocalQuestion)
  const year = useStore(selectHorizonYear)
  if (!question) return null
  return (
    <section className="focal-question" aria-label={t('workshop.focalQuestion')}>
      <p className="eyebrow">{year ? t('workshop.focalQuestionWithYear', { year }) : t('workshop.focalQuestion')}</p>
      <p className="focal-question__text">{question}</p>
    </section>
  )
}

function RolePlaceholder({ role }: { role: Role }) {
  const { t } = useTranslation()
  return (
    <>
      <h2 id={`placeholder-${role}`} className="panel__title">
        {t(`placeholder.${role}.title`)}
      </h2>
      <p className="panel__lead">{t(`placeholder.${role}.body`)}</p>
    </>
  )
}

function FlowOverview() {
  const { t } = useTranslation()
  const stages = useStore(selectStages)
  const currentId = useStore((s) => s.control?.currentStageId ?? null)
  const steps = stages.length > 0 ? stages.filter((stage) => !stage.skipped) : DEFAULT_FLOW.map((kind) => ({ id: kind, kind }))
  return (
    <section className="panel panel--quiet" aria-labelledby="flow-title">
      <h2 id="flow-title" className="panel__title panel__title--small">
        {t('workshop.flow')}
      </h2>
      <ol className="flow">
        {steps.map(({ id, kind }) => (
          <li key={id} className="flow__step" aria-current={id === currentId ? 'step' : undefined}>
            <span className="flow__name">{t(`stage.${kind}.name`)}</span>
            <span className="flow__instruction">{t(`stage.${kind}.instruction`)}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
