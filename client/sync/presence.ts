/**
 * Presence in awareness (never in a document): `{ user: { id, name, color, role, stageId },
 * editing }` on the board document's awareness. `editing` is the id of the card or trend the
 * person has open for editing, or null. The control document carries no presence, and a screen
 * publishes none (the server ignores a screen's presence anyway).
 *
 * Reading: one `PresenceIndex` per awareness turns its states into a list of people and an
 * "who is editing what" map, recomputed once per awareness change; hooks read it through
 * `useSyncExternalStore`, so a card re-renders only when its own editors change.
 */
import { useEffect, useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { ROLES, type Role } from '../../shared/protocol.ts'
import { ID_REGEX } from '../../shared/util/ids.ts'
import type { DocConnection } from './docConnection.ts'
import { useWorkshopDocs } from './workshopDocs.ts'

export interface PresenceUser {
  id: string
  name: string
  color: string
  role: Role
  /** The stage the person is looking at (the room's, or a finished one they went back to). */
  stageId: string | null
}

/** Someone connected now, as read from awareness. */
export interface PresencePerson extends PresenceUser {
  /** The awareness client id (one per open tab). */
  clientId: number
  /** The card or trend they have open for editing. */
  editing: string | null
  /** This tab. */
  isSelf: boolean
}

// ---------------------------------------------------------------------------------------------
// Publishing
// ---------------------------------------------------------------------------------------------

/** Clears a connection's local awareness state: nothing is published or renewed for it. */
export function useNoPresence(connection: DocConnection | null): void {
  useEffect(() => {
    connection?.provider.awareness.setLocalState(null)
  }, [connection])
}

/**
 * Publishes `user` on the connection's awareness, again whenever a field of it changes, and once
 * more each time the socket (re)connects: while we were away the server and the others dropped
 * our state, and a fresh clock makes them take it back at once rather than at the next renewal.
 */
export function usePresence(connection: DocConnection | null, user: PresenceUser | null): void {
  const { id, name, color, role, stageId } = user ?? {}
  useEffect(() => {
    if (!connection) return
    const awareness = connection.provider.awareness
    if (!id || !color || !role || role === 'screen') {
      awareness.setLocalState(null)
      return
    }
    const user: PresenceUser = { id, name: name ?? '', color, role, stageId: stageId ?? null }
    awareness.setLocalState({ editing: null, ...awareness.getLocalState(), user })
  }, [connection, id, name, color, role, stageId])

  useEffect(() => {
    if (!connection) return
    const provider = connection.provider
    const republish = ({ status }: { status: string }) => {
      const state = provider.awareness.getLocalState()
      if (status === 'connected' && state !== null) provider.awareness.setLocalState({ ...state })
    }
    provider.on('status', republish)
    return () => provider.off('status', republish)
  }, [connection])
}

/** Sets (or clears, with null) what this tab is editing. A no-op while nothing is published. */
export function publishEditing(awareness: Awareness, itemId: string | null): void {
  const state = awareness.getLocalState()
  if (state === null || (state.editing ?? null) === itemId) return
  awareness.setLocalStateField('editing', itemId)
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

const COLOR = /^#[0-9A-Fa-f]{6}$/

/** One awareness state as a person, or null when it is not a well-formed presence (untrusted input). */
export function parsePresence(clientId: number, state: unknown, selfClientId: number): PresencePerson | null {
  if (!state || typeof state !== 'object') return null
  const { user, editing } = state as { user?: unknown; editing?: unknown }
  if (!user || typeof user !== 'object') return null
  const { id, name, color, role, stageId } = user as Record<string, unknown>
  if (typeof id !== 'string' || !ID_REGEX.test(id)) return null
  if (typeof color !== 'string' || !COLOR.test(color)) return null
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role) || role === 'screen') return null
  return {
    clientId,
    id,
    name: typeof name === 'string' ? name.slice(0, 60) : '',
    color,
    role: role as Role,
    stageId: typeof stageId === 'string' && ID_REGEX.test(stageId) ? stageId : null,
    editing: typeof editing === 'string' && editing.length <= 64 ? editing : null,
    isSelf: clientId === selfClientId,
  }
}

export interface PresenceIndex {
  /** Everyone here, one entry per person (their most recent tab), self first, then by name. */
  people(): readonly PresencePerson[]
  /** Other people editing an item (same array until it changes; a shared empty array when none). */
  editorsOf(itemId: string): readonly PresencePerson[]
  subscribe(listener: () => void): () => void
}

const NOBODY: readonly PresencePerson[] = Object.freeze([])
const indexes = new WeakMap<Awareness, PresenceIndex>()

/** The shared index of an awareness (created on first use, lives as long as the awareness). */
export function presenceIndex(awareness: Awareness): PresenceIndex {
  let index = indexes.get(awareness)
  if (!index) {
    index = createPresenceIndex(awareness)
    indexes.set(awareness, index)
  }
  return index
}

function createPresenceIndex(awareness: Awareness): PresenceIndex {
  let people: readonly PresencePerson[] = NOBODY
  let editors = new Map<string, readonly PresencePerson[]>()
  const listeners = new Set<() => void>()

  const recompute = () => {
    const byPerson = new Map<string, PresencePerson>()
    for (const [clientId, state] of awareness.getStates()) {
      const person = parsePresence(clientId, state, awareness.clientID)
      if (!person) continue
      const seen = byPerson.get(person.id)
      // Two tabs of one person: this tab wins, else the newest client (higher ids are not
      // newer, but any stable choice keeps the list from flickering).
      if (!seen || person.isSelf || (!seen.isSelf && clientId > seen.clientId)) byPerson.set(person.id, person)
    }
    const next = [...byPerson.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    people = sameList(people, next) ? people : next

    const nextEditors = new Map<string, PresencePerson[]>()
    const selfId = people.find((p) => p.isSelf)?.id
    for (const [clientId, state] of awareness.getStates()) {
      const person = parsePresence(clientId, state, awareness.clientID)
      if (!person?.editing || person.isSelf || person.id === selfId) continue
      const list = nextEditors.get(person.editing) ?? []
      if (!list.some((p) => p.id === person.id)) list.push(person)
      nextEditors.set(person.editing, list)
    }
    const merged = new Map<string, readonly PresencePerson[]>()
    for (const [itemId, list] of nextEditors) {
      const previous = editors.get(itemId)
      merged.set(itemId, previous && sameList(previous, list) ? previous : list)
    }
    editors = merged
  }

  recompute()
  awareness.on('change', () => {
    recompute()
    listeners.forEach((listener) => listener())
  })

  return {
    people: () => people,
    editorsOf: (itemId) => editors.get(itemId) ?? NOBODY,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

function sameList(a: readonly PresencePerson[], b: readonly PresencePerson[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]!
      return (
        p.clientId === q.clientId &&
        p.id === q.id &&
        p.name === q.name &&
        p.color === q.color &&
        p.role === q.role &&
        p.stageId === q.stageId &&
        p.editing === q.editing &&
        p.isSelf === q.isSelf
      )
    })
  )
}

/** The board document's awareness of the open workshop, or null before it connects. */
export function useBoardAwareness(): Awareness | null {
  const docs = useWorkshopDocs()
  return docs.boardAwareness ?? docs.boardConnection?.provider.awareness ?? null
}

const noSubscribe = () => () => {}

/** Everyone here now (see `PresenceIndex.people`). */
export function usePeople(): readonly PresencePerson[] {
  const awareness = useBoardAwareness()
  const index = awareness ? presenceIndex(awareness) : null
  return useSyncExternalStore(index?.subscribe ?? noSubscribe, index?.people ?? (() => NOBODY))
}

/** Other people who have `itemId` open for editing (empty for null). */
export function useEditorsOf(itemId: string | null): readonly PresencePerson[] {
  const awareness = useBoardAwareness()
  const index = awareness && itemId ? presenceIndex(awareness) : null
  const get = () => (index && itemId ? index.editorsOf(itemId) : NOBODY)
  return useSyncExternalStore(index?.subscribe ?? noSubscribe, get)
}

/** Publishes "editing `itemId`" while the calling component shows it open; clears it after. */
export function useEditingMarker(itemId: string | null): void {
  const awareness = useBoardAwareness()
  useEffect(() => {
    if (!awareness || !itemId) return
    publishEditing(awareness, itemId)
    return () => {
      // Only clear our own marker: another editor may have opened since (one at a time, but
      // effects of the next one can run before this cleanup in some orders).
      if ((awareness.getLocalState()?.editing ?? null) === itemId) publishEditing(awareness, null)
    }
  }, [awareness, itemId])
}
