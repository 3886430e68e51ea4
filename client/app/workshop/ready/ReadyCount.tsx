import { useTranslation } from 'react-i18next'
import type { PresencePerson } from '../../../sync/presence.ts'
import type { Readiness } from './readiness.ts'
import './ready.css'

/** Names shown before "and 3 others": enough to ask someone, short enough to read at a glance. */
const NAMES_SHOWN = 6

/**
 * "7 of 12 ready", a bar, and who is still working (for the facilitator). The screen uses the
 * compact form: the count only, no names on the wall.
 */
export function ReadyCount({ state, compact = false }: { state: Readiness; compact?: boolean }) {
  const { t } = useTranslation()
  if (state.total === 0) return compact ? null : <p className="ready-count ui-stack ready-count--empty">{t('ready.nobody')}</p>
  const everyone = state.ready === state.total
  const shown = state.notReady.slice(0, NAMES_SHOWN)
  const more = state.notReady.length - shown.length
  return (
    <div className={`ready-count ui-stack${compact ? ' ready-count--compact' : ''}${everyone ? ' ready-count--all' : ''}`}>
      <p className="ready-count__summary">
        <span className="ready-count__bar" aria-hidden="true">
          <span className="ready-count__fill" style={{ width: `${(100 * state.ready) / state.total}%` }} />
        </span>
        <span className="ready-count__text">
          {everyone ? t('ready.everyone', { count: state.total }) : t('ready.count', { ready: state.ready, total: state.total })}
        </span>
      </p>
      {!compact && !everyone && (
        <p className="ready-count__waiting">
          {more > 0 ? t('ready.stillWorkingMore', { names: namesOf(shown, t), count: more }) : t('ready.stillWorking', { names: namesOf(shown, t) })}
        </p>
      )}
    </div>
  )
}

function namesOf(people: readonly PresencePerson[], t: (key: string) => string): string {
  return people.map((person) => person.name.trim() || t('ui.person.unnamed')).join(', ')
}
