/**
 * Identity without accounts: a random participant id and a display name, remembered on this
 * device (localStorage), asked for once and editable later. The id comes from
 * `crypto.getRandomValues` (shared/util/ids.ts), never `crypto.randomUUID`, which is missing on
 * plain-http LAN addresses.
 */
import { ID_PATTERN } from '../../shared/protocol.ts'
import { PARTICIPANT_LIMITS } from '../../shared/schema/participant.ts'
import { randomId } from '../../shared/util/ids.ts'
import { colorForId } from './palette.ts'

export interface ParticipantIdentity {
  id: string
  /** Empty until the person has told us their name. */
  name: string
  color: string
}

const STORAGE_KEY = 's2s:participant'

interface Stored {
  id?: unknown
  name?: unknown
}

function read(): Stored {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    const parsed: unknown = raw ? JSON.parse(raw) : null
    return parsed && typeof parsed === 'object' ? (parsed as Stored) : {}
  } catch {
    return {}
  }
}

function write(identity: ParticipantIdentity): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ id: identity.id, name: identity.name }))
  } catch {
    // not remembered; the identity still holds for this page
  }
}

export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, PARTICIPANT_LIMITS.name)
}

/** This device's identity, created (and remembered) on first use. */
export function loadIdentity(): ParticipantIdentity {
  const stored = read()
  const id = typeof stored.id === 'string' && ID_PATTERN.test(stored.id) ? stored.id : randomId()
  const name = typeof stored.name === 'string' ? cleanName(stored.name) : ''
  const identity = { id, name, color: colorForId(id) }
  if (id !== stored.id) write(identity)
  return identity
}

export function saveName(identity: ParticipantIdentity, name: string): ParticipantIdentity {
  const next = { ...identity, name: cleanName(name) }
  write(next)
  return next
}
