import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { ROLES, type Role } from '../../shared/protocol.ts'

/** y-protocols' awareness timeout: a state not renewed for this long is gone. */
export const PRESENCE_TIMEOUT_MS = 30_000
/** One connection is one browser tab's document: it speaks for one client id, a few at most. */
const MAX_IDS_PER_CONNECTION = 4
/** A name, a colour, a role, a caret: a presence state is a few hundred bytes. */
export const MAX_STATE_CHARS = 4096
const utf8 = new TextDecoder()
/** The bytes of the JSON text `null`: a removed state. */
const NULL_TEXT = [0x6e, 0x75, 0x6c, 0x6c]

interface PresenceEntry {
  clock: number
  /** The state as the client encoded it (JSON text), or null once removed. */
  json: string | null
  lastSeen: number
  owner: object
  role: Role
  participantId: string | null
}

/** Who a connection is, as the server knows it: the role of its key and the person it proved. */
export interface Speaker {
  role: Role
  participantId: string | null
}

export interface PresenceChange {
  /** Client ids whose state changed and must be re-broadcast. */
  changed: number[]
  /** True when the message tried to speak for a client id that another connection owns. */
  spoofed: boolean
}

/**
 * The awareness states of one room, kept as the clients sent them.
 *
 * Unlike y-protocols' `Awareness`, it has no local state of its own and no timer, keeps each
 * state's JSON text so a broadcast re-encodes nothing, and remembers which connection owns which
 * client id: a connection cannot speak for someone of another role, nor claim a role it does
 * not have.
 */
export class PresenceTable {
  private readonly entries = new Map<number, PresenceEntry>()

  get size(): number {
    let live = 0
    for (const entry of this.entries.values()) if (entry.json !== null) live++
    return live
  }

  /**
   * Whether an awareness update carries anything this table would take: a state of the sender's
   * own, a newer one, a removal. Stock y-websocket clients re-send every batch they receive (their
   * update handler ignores the origin), so most presence messages are echoes of states the table
   * already holds at the same clock; this answers for them without decoding a single state, so an
   * echo costs nothing and is never charged to the sender's presence budget. Throws if the bytes
   * do not decode.
   */
  bringsChange(update: Uint8Array, owner: object): boolean {
    const decoder = decoding.createDecoder(update)
    for (let count = decoding.readVarUint(decoder); count > 0; count--) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const removal = isNullText(decoding.readVarUint8Array(decoder))
      if (this.verdict(clientId, clock, removal, owner) !== 'ignore') return true
    }
    return false
  }

  /**
   * y-protocols' ordering, with ownership: a connection's own states follow the usual rule (a
   * higher clock wins; at the same clock only a removal does). A state owned by another connection
   * is taken over only with a higher clock, or at the same clock when it was removed (a client
   * back on a new connection keeps its clock): the same clock on a live state is an echo.
   */
  private verdict(clientId: number, clock: number, removal: boolean, owner: object): 'ignore' | 'new' | 'own' | 'takeover' {
    const previous = this.entries.get(clientId)
    if (!previous) return removal ? 'ignore' : 'new'
    if (previous.owner === owner) {
      return clock > previous.clock || (clock === previous.clock && removal && previous.json !== null) ? 'own' : 'ignore'
    }
    if (clock > previous.clock) return 'takeover'
    return clock === previous.clock && !removal && previous.json === null ? 'takeover' : 'ignore'
  }

  /** Applies an awareness update from `owner`; throws if the bytes do not decode. */
  apply(update: Uint8Array, owner: object, speaker: Speaker, now: number): PresenceChange {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    const changed: number[] = []
    let spoofed = false
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const text = decoding.readVarUint8Array(decoder)
      if (text.byteLength > MAX_STATE_CHARS * 3) throw new Error(`presence state over ${MAX_STATE_CHARS} characters`)
      const removal = isNullText(text)
      const verdict = this.verdict(clientId, clock, removal, owner)
      if (verdict === 'ignore') continue
      const json = removal ? 'null' : utf8.decode(text)
      if (json.length > MAX_STATE_CHARS) throw new Error(`presence state over ${MAX_STATE_CHARS} characters`)
      const previous = this.entries.get(clientId)
      if (verdict === 'new' && this.ownedBy(owner) >= MAX_IDS_PER_CONNECTION) {
        spoofed = true
        continue
      }
      // A client whose Wi-Fi dropped comes back on a new connection before the server notices the
      // old one is dead: it may take its id back, but only as the same role and person.
      if (verdict === 'takeover' && previous!.json !== null && (previous!.role !== speaker.role || previous!.participantId !== speaker.participantId)) {
        spoofed = true
        continue
      }
      const state = removal ? null : stamp(json, speaker)
      this.entries.set(clientId, { clock, json: state, lastSeen: now, owner, role: speaker.role, participantId: speaker.participantId })
      // Renewals (same state, higher clock) are forwarded too: peers time a state out after 30 s
      // without one.
      changed.push(clientId)
    }
    return { changed, spoofed }
  }

  /**
   * Applies states another instance passed on (server/cluster). That instance checked their
   * owner and stamped their role, so only the ordering rule applies; a client that moves to this
   * instance takes its id over with the role stamped here.
   */
  applyRelayed(update: Uint8Array, now: number): number[] {
    const decoder = decoding.createDecoder(update)
    const changed: number[] = []
    for (let count = decoding.readVarUint(decoder); count > 0; count--) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const text = decoding.readVarUint8Array(decoder)
      const removal = isNullText(text)
      const previous = this.entries.get(clientId)
      const newer = !previous ? !removal : clock > previous.clock || (clock === previous.clock && removal && previous.json !== null)
      if (!newer) continue
      const json = removal ? null : utf8.decode(text)
      const speaker = speakerIn(json)
      this.entries.set(clientId, {
        clock,
        json,
        lastSeen: now,
        owner: RELAYED_OWNER,
        role: speaker.role ?? previous?.role ?? 'participant',
        participantId: speaker.participantId ?? previous?.participantId ?? null,
      })
      changed.push(clientId)
    }
    return changed
  }

  /** Whether a client id's state belongs to a connection of this instance. */
  isLocal(clientId: number): boolean {
    const owner = this.entries.get(clientId)?.owner
    return owner !== undefined && owner !== RELAYED_OWNER
  }

  private ownedBy(owner: object): number {
    let count = 0
    for (const entry of this.entries.values()) if (entry.owner === owner) count++
    return count
  }

  /** Marks every state owned by `owner` as removed; returns the ids to broadcast. */
  removeOwner(owner: object): number[] {
    const removed: number[] = []
    for (const [clientId, entry] of this.entries) {
      if (entry.owner !== owner || entry.json === null) continue
      entry.json = null
      removed.push(clientId)
    }
    return removed
  }

  /** Removes states not renewed within PRESENCE_TIMEOUT_MS; returns the ids to broadcast. */
  expire(now: number): number[] {
    const expired: number[] = []
    for (const [clientId, entry] of this.entries) {
      if (now - entry.lastSeen < PRESENCE_TIMEOUT_MS) continue
      if (entry.json !== null) {
        entry.json = null
        entry.lastSeen = now
        expired.push(clientId)
      } else {
        this.entries.delete(clientId)
      }
    }
    return expired
  }

  /** An awareness update (as y-protocols encodes it) for the given clients, or all live ones. */
  encode(clientIds?: Iterable<number>): Uint8Array | null {
    const ids = clientIds ? [...clientIds] : [...this.entries].filter(([, e]) => e.json !== null).map(([id]) => id)
    const listed = ids.filter((id) => this.entries.has(id))
    if (listed.length === 0) return null
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, listed.length)
    for (const id of listed) {
      const entry = this.entries.get(id)!
      encoding.writeVarUint(encoder, id)
      encoding.writeVarUint(encoder, entry.clock)
      encoding.writeVarString(encoder, entry.json ?? 'null')
    }
    return encoding.toUint8Array(encoder)
  }
}

/**
 * Presence says who someone is (`user.role`, `user.id`). The server knows each connection's role
 * from its key and its person from its signed identity, so a participant can appear neither as a
 * facilitator nor as another person by editing their presence. A connection without an identity
 * (a stock client) shows no person id.
 */
function stamp(json: string, { role, participantId }: Speaker): string | null {
  let state: unknown
  try {
    state = JSON.parse(json)
  } catch {
    throw new Error('awareness state is not JSON')
  }
  if (state === null) return null
  if (typeof state !== 'object' || Array.isArray(state)) throw new Error('awareness state is not an object')
  const user = (state as { user?: unknown }).user
  if (!user || typeof user !== 'object' || Array.isArray(user)) return json
  const claimed = user as { role?: unknown; id?: unknown }
  if (claimed.role === role && (participantId === null ? !('id' in claimed) : claimed.id === participantId)) return json
  const { id: _claimedId, ...rest } = claimed
  return JSON.stringify({ ...state, user: participantId === null ? { ...rest, role } : { ...rest, role, id: participantId } })
}

/** Owner of the states other instances passed on. */
const RELAYED_OWNER = Object.freeze({})

/** Who a relayed state speaks for, as the instance it came from stamped it. */
function speakerIn(json: string | null): { role?: Role; participantId?: string } {
  if (json === null) return {}
  try {
    const user = (JSON.parse(json) as { user?: { role?: unknown; id?: unknown } } | null)?.user
    return { role: ROLES.find((known) => known === user?.role), participantId: typeof user?.id === 'string' ? user.id : undefined }
  } catch {
    return {}
  }
}

/** Whether a state's JSON text is `null` (a removal), read from its bytes. */
function isNullText(text: Uint8Array): boolean {
  return text.byteLength === 4 && NULL_TEXT.every((byte, i) => text[i] === byte)
}
