import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ID_PATTERN } from '../../shared/protocol.ts'
import { newWorkshopId } from './keys.ts'

/** Bytes of the HMAC kept in a token: 144 bits, 24 URL-safe characters. */
const MAC_BYTES = 18
const SECRET_FILE = 'identity-secret'

export interface Identity {
  participantId: string
  /** `<participantId>.<mac>`: what the browser keeps and offers when it connects. */
  token: string
}

/**
 * Server-issued participant identities. The server picks a random participant id and signs it
 * for one workshop (HMAC-SHA256 with the server's secret); the browser keeps the token and
 * offers it with every connection. Nothing is stored per person: the signature is the proof, so
 * a participant cannot invent an id or borrow another person's (ids are public on the board,
 * tokens never are).
 */
export class Identities {
  constructor(private readonly secret: Buffer) {}

  issue(workshopId: string): Identity {
    return this.sign(workshopId, newWorkshopId())
  }

  /**
   * The person a token proves in one workshop, as the same person in another (a workshop
   * imported from it: see identityRoutes.ts), or null when the token proves nobody.
   */
  carry(fromWorkshopId: string, token: string, toWorkshopId: string): Identity | null {
    const participantId = this.verify(fromWorkshopId, token)
    return participantId ? this.sign(toWorkshopId, participantId) : null
  }

  /**
   * Someone already on this workshop's board, for a facilitator's other device (identityRoutes.ts,
   * `as`): a facilitator writes anyone's records already, so this gives them nothing they lacked.
   */
  adopt(workshopId: string, participantId: string): Identity {
    return this.sign(workshopId, participantId)
  }

  private sign(workshopId: string, participantId: string): Identity {
    return { participantId, token: `${participantId}.${this.mac(workshopId, participantId)}` }
  }

  /** The participant id a token proves in this workshop, or null (malformed, forged, other workshop). */
  verify(workshopId: string, token: string | null | undefined): string | null {
    if (!token || token.length > 64) return null
    const [participantId, mac, ...rest] = token.split('.')
    if (rest.length > 0 || !participantId || !mac || !ID_PATTERN.test(participantId)) return null
    const expected = Buffer.from(this.mac(workshopId, participantId))
    const given = Buffer.from(mac)
    return expected.length === given.length && timingSafeEqual(expected, given) ? participantId : null
  }

  private mac(workshopId: string, participantId: string): string {
    return createHmac('sha256', this.secret).update(`participant:${workshopId}:${participantId}`).digest().subarray(0, MAC_BYTES).toString('base64url')
  }
}

/**
 * The signing secret: `IDENTITY_SECRET` when set (servers sharing one store must share it), else
 * 32 random bytes made on first start and kept in the data directory beside the database, so
 * identities outlive restarts. Losing the file only makes everyone a new person at their next visit.
 */
export function loadIdentitySecret(dataDir: string, fromEnv?: string): Buffer {
  if (fromEnv) return Buffer.from(fromEnv, 'utf8')
  const path = join(dataDir, SECRET_FILE)
  try {
    const stored = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex')
    if (stored.length >= 32) return stored
  } catch {
    // first start: made below
  }
  const secret = randomBytes(32)
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(path, `${secret.toString('hex')}\n`, { mode: 0o600 })
  return secret
}
