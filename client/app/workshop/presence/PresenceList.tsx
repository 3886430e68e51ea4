import { memo, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Stage } from '../../../../shared/schema/stage.ts'
import { selectStages } from '../../../state/selectors.ts'
import { useStore } from '../../../state/store.ts'
import type { PresencePerson } from '../../../sync/presence.ts'
import { PersonChip } from '../../../ui/index.ts'

/** Facilitators first (the room looks for them), then you, then everyone by name. */
export function sortPeople(people: readonly PresencePerson[]): PresencePerson[] {
  const rank = (p: PresencePerson) => (p.role === 'facilitator' ? 0 : p.isSelf ? 1 : 2)
  return [...people].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}

/**
 * Everyone connected now: name and colour, "(you)", facilitators marked (co-facilitators too:
 * anyone with the facilitator link), and the stage each one is looking at.
 */
export function PresenceList({ people, id }: { people: readonly PresencePerson[]; id?: string }) {
  const { t } = useTranslation()
  const stages = useStore(selectStages)
  const currentStageId = useStore((s) => s.control?.currentStageId ?? null)
  const stageById = useMemo(() => new Map(stages.map((stage) => [stage.id, stage])), [stages])
  const sorted = useMemo(() => sortPeople(people), [people])
  return (
    <ul className="presence-list ui-stack ui-list" id={id} aria-label={t('presence.listLabel', { count: people.length })}>
      {sorted.map((person) => (
        <PresenceRow
          key={person.id}
          person={person}
          stage={person.stageId ? stageById.get(person.stageId) : undefined}
          elsewhere={person.stageId !== null && person.stageId !== currentStageId}
        />
      ))}
    </ul>
  )
}

const PresenceRow = memo(function PresenceRow({ person, stage, elsewhere }: { person: PresencePerson; stage: Stage | undefined; elsewhere: boolean }) {
  const { t } = useTranslation()
  return (
    <li className="presence-list__person">
      <PersonChip name={person.name} color={person.color} note={person.isSelf ? t('presence.you') : undefined} />
      {person.role === 'facilitator' && <span className="badge badge--facilitator">{t('role.facilitator')}</span>}
      {stage && (
        <span className={`presence-list__stage${elsewhere ? ' presence-list__stage--elsewhere' : ''}`}>
          {t(elsewhere ? 'presence.lookingAt' : 'presence.on', { stage: t(`stage.${stage.kind}.name`) })}
        </span>
      )}
    </li>
  )
})
