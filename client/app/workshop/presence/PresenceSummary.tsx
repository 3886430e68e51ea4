import { useEffect, useId, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { usePeople, type PresencePerson } from '../../../sync/presence.ts'
import { PresenceList, sortPeople } from './PresenceList.tsx'
import './presence.css'

const SHOWN_AVATARS = 4

/** First letter of a name for an avatar; a dot for no name. */
export function initialOf(name: string): string {
  const first = [...name.trim()][0]
  return first ? first.toLocaleUpperCase() : '·'
}

/**
 * "Who is here", compact for the header: a few avatars and the count, opening the full list in a
 * panel (Esc or a click elsewhere closes it, focus returns to the button).
 */
export function PresenceSummary() {
  const { t } = useTranslation()
  const people = usePeople()
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  useDismiss(open, rootRef, () => setOpen(false), buttonRef)

  if (people.length === 0) return null
  const shown = sortPeople(people).slice(0, SHOWN_AVATARS)
  return (
    <div className="presence" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button button--ghost presence__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        <span className="presence__avatars" aria-hidden="true">
          {shown.map((person) => (
            <Avatar key={person.id} person={person} />
          ))}
        </span>
        <span className="presence__count">{t('presence.count', { count: people.length })}</span>
      </button>
      <div className="presence__panel ui-popover" id={panelId} hidden={!open}>
        <h2 className="presence__title">{t('presence.title', { count: people.length })}</h2>
        <PresenceList people={people} />
      </div>
    </div>
  )
}

function Avatar({ person }: { person: PresencePerson }) {
  return (
    <span className={`avatar${person.role === 'facilitator' ? ' avatar--facilitator' : ''}`} style={{ borderColor: person.color }}>
      {initialOf(person.name)}
    </span>
  )
}

/** Closes a disclosure panel on Escape (focus back to its button) and on a pointer press outside. */
function useDismiss(open: boolean, rootRef: RefObject<HTMLElement | null>, close: () => void, returnTo: RefObject<HTMLElement | null>): void {
  const closeRef = useRef(close)
  closeRef.current = close
  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      closeRef.current()
      returnTo.current?.focus()
    }
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) closeRef.current()
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('pointerdown', onPointer)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointer)
    }
  }, [open, rootRef, returnTo])
}
