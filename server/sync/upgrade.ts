import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import {
  CloseCode,
  EXT_PARAM,
  IDENTITY_PARAM,
  GENERATION_SUBPROTOCOL_PREFIX,
  IDENTITY_SUBPROTOCOL_PREFIX,
  ID_PATTERN,
  KEY_SUBPROTOCOL_PREFIX,
  SYNC_PATH_PREFIX,
  SYNC_SUBPROTOCOL,
  UPDATE_PIECE_STRUCTS,
  VERSION_SUBPROTOCOL_PREFIX,
  docKindOf,
  parseVersionProtocol,
  mayConnect,
  type DocKind,
  type Role,
} from '../../shared/protocol.ts'
import { CURRENT_VERSION, compareVersion, type ClientVersion } from '../../shared/version.ts'
import { FACILITATORS_ALLOWANCE, WorkshopCharges } from '../cluster/workshopCharges.ts'
import { soloRelay, type Relay } from '../cluster/relay.ts'
import type { Limits } from '../config.ts'
import type { Logger } from '../log.ts'
import type { Metrics, Where } from '../metrics.ts'
import type { Identities } from '../workshops/identities.ts'
import type { WorkshopService } from '../workshops/workshopService.ts'
import { Connection, type WritePolicy } from './connection.ts'
import { TokenBucket } from './tokenBucket.ts'
import type { RoomRegistry } from './roomRegistry.ts'

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }

/**
 * The door of the sync endpoint: `/sync/<workshopId>/<docName>?key=<key>`. Everything about who
 * may come in is decided here, before the WebSocket exists: a malformed id or document name gets
 * 400, an unknown workshop 404, a missing or wrong key 401, a key that may not open this
 * document 403. A refused request is answered and closed, never left hanging.
 */
export function createSyncUpgrade(opts: {
  registry: RoomRegistry
  workshops: WorkshopService
  /** Checks the participant identity a connection offers (`s2s.id.<token>` or `?identity=`). */
  identities: Identities
  metrics: Metrics
  limits: Limits
  mayWrite: WritePolicy
  /** Runs before a connection joins its document (the server loads what its policy reads). */
  beforeJoin?: (workshopId: string) => Promise<void>
  /** Why this document may not be opened now (a draft outside a private round), or null. */
  refusal?: (workshopId: string, docName: string, kind: DocKind) => Promise<string | null>
  /** The client's address (X-Forwarded-For only from a trusted proxy). */
  addressOf: (req: IncomingMessage) => string
  /** The versions clients are held to (shared/version.ts), unless a test plays newer code. */
  version?: ClientVersion
  /** The other instances (the workshops' writing allowances are kept one for all), and where to say what went wrong with them. */
  relay?: Relay
  logger: Logger
}) {
  const {
    registry,
    workshops,
    identities,
    metrics,
    limits,
    mayWrite,
    beforeJoin,
    refusal,
    addressOf,
    version = CURRENT_VERSION,
    relay = soloRelay,
    logger,
  } = opts
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    // The app offers its key as a second subprotocol; the answer names only the first.
    handleProtocols: (protocols) => (protocols.has(SYNC_SUBPROTOCOL) ? SYNC_SUBPROTOCOL : false),
  })
  const connections = new Set<Connection>()
  /** Open connections by client address and by workshop, with the budgets each group shares. */
  const perAddress = new Map<string, { connections: Set<Connection>; integration: TokenBucket }>()
  const perWorkshop = new Map<string, WorkshopShares>()
  // What other instances admitted to a workshop is spent from its copy of the allowance here too.
  const copyOf = (workshopId: string, who?: string) => {
    const shares = perWorkshop.get(workshopId)
    if (who === undefined) return shares?.writing
    return who === FACILITATORS_ALLOWANCE ? shares?.facilitatorContent : shares?.writers.get(who)?.bucket
  }
  const charges = new WorkshopCharges(
    relay,
    {
      spendRelayed: (workshopId, records) => copyOf(workshopId)?.spendRelayed(records),
      levelOf: (workshopId, who) => {
        const copy = copyOf(workshopId, who)
        return copy && { level: copy.level(), msUntilFull: copy.msUntilFull() }
      },
      lowerTo: (workshopId, level, at, who) => copyOf(workshopId, who)?.lowerTo(level, at),
      spendPersonRelayed: (workshopId, who, records) => {
        if (!perWorkshop.has(workshopId)) return
        if (who === FACILITATORS_ALLOWANCE) sharesOf(workshopId).facilitatorContent.spendRelayed(records)
        else writingOf(workshopId, who === WITHOUT_IDENTITY ? null : who).bucket.spendRelayed(records)
      },
    },
    logger,
    // One instance admits at most a whole allowance and one piece past it in a turn (TokenBucket.fits
    // leaves at most a piece owed).
    limits.writeBurstPerWorkshop + UPDATE_PIECE_STRUCTS,
  )
  /** A workshop's shares and allowance on this instance, made (and its charges followed) on its first connection here. */
  const sharesOf = (workshopId: string) => {
    let shares = perWorkshop.get(workshopId)
    if (shares) return shares
    shares = {
      connections: 0,
      integration: integrationShare(limits.integrationMsPer10sPerWorkshop),
      writing: new RelayedAllowance(limits.writesPerMinutePerWorkshop / 60, limits.writeBurstPerWorkshop, (records) => charges.charged(workshopId, records)),
      writers: new Map<string, Allowance>(),
      facilitatorContent: new RelayedAllowance(FACILITATOR_CONTENT_PER_MINUTE / 60, FACILITATOR_CONTENT_BURST, (kib) =>
        charges.charged(workshopId, kib, FACILITATORS_ALLOWANCE),
      ),
    }
    perWorkshop.set(workshopId, shares)
    charges.follow(workshopId)
    charges.followPerson(workshopId, FACILITATORS_ALLOWANCE)
    return shares
  }
  const integrationShare = (msPer10s: number) => new TokenBucket(msPer10s / 10, msPer10s)
  /**
   * A participant's writing allowance in a workshop, by identity; those without one share one;
   * and their share of the workshop's. Each owes all it overdraws (the connection admits at most
   * one piece past what is left, see WRITING_OVERDRAFT): a clamp would let a big update through
   * for a part of its cost.
   */
  const writingOf = (workshopId: string, participantId: string | null): Allowance => {
    const { writers } = sharesOf(workshopId)
    const who = participantId ?? WITHOUT_IDENTITY
    let allowance = writers.get(who)
    if (!allowance) {
      writers.set(
        who,
        (allowance = {
          // One for all instances, as the workshop's: what another admitted is spent here too.
          bucket: new RelayedAllowance(limits.writesPerMinutePerPerson / 60, limits.writeBurstPerPerson, (records) =>
            charges.charged(workshopId, records, who),
          ),
          share: new TokenBucket(SHARE_PER_MINUTE / 60, SHARE_BURST, Number.POSITIVE_INFINITY),
          holders: 0,
        }),
      )
      // Written on another instance before this one followed the workshop: spent here too.
      charges.followPerson(workshopId, who)
    }
    return allowance
  }
  /** Each connection's workshop and key, to check again when another instance changes the keys. */
  const opened = new WeakMap<Connection, { workshopId: string; key: string }>()

  const refuse = (socket: Duplex, status: number, message: string, where: Where = {}) => {
    metrics.reject(`upgrade_${status}`, where, { status, detail: message })
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\ncontent-type: text/plain\r\nconnection: close\r\ncontent-length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
    )
  }

  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const [workshopId, docName, ...rest] = url.pathname.slice(SYNC_PATH_PREFIX.length).split('/')
    const kind = docName ? docKindOf(docName) : null
    if (!url.pathname.startsWith(SYNC_PATH_PREFIX) || rest.length > 0 || !workshopId || !ID_PATTERN.test(workshopId) || !kind) {
      return refuse(socket, 400, 'expected /sync/<workshopId>/<board|control|bank|draft-id>')
    }
    const key = keyOf(req, url)
    const { record, role } = await workshops.identify(workshopId, key)
    if (!record) return refuse(socket, 404, 'no such workshop', { workshopId, kind })
    if (!key) return refuse(socket, 401, 'missing key', { workshopId, kind })
    if (!role) return refuse(socket, 401, 'wrong key for this workshop', { workshopId, kind })
    if (!mayConnect(role, kind)) return refuse(socket, 403, `a ${role} may not open ${kind} documents`, { workshopId, kind, role })
    await beforeJoin?.(workshopId)
    const refused = await refusal?.(workshopId, docName!, kind)
    if (refused) return refuse(socket, 403, refused, { workshopId, kind, role })
    // A missing or invalid identity is no reason to refuse the connection (stock clients, a
    // screen): it only means no per-person record is accepted from it.
    const participantId = identities.verify(workshopId, offered(req, IDENTITY_SUBPROTOCOL_PREFIX) ?? url.searchParams.get(IDENTITY_PARAM))
    if (role !== 'screen') {
      // With several instances, a workshop's or a person's first socket here waits (a Redis read
      // and a few ms) for this instance's copies of their allowances to take the levels the others
      // kept: its first change must not find whole an allowance spent elsewhere. Made now, they are
      // dropped by `sweep` if the connection never comes.
      if (role === 'participant') writingOf(workshopId, participantId)
      else sharesOf(workshopId)
      await charges.whenSettled(workshopId, role === 'participant' ? (participantId ?? WITHOUT_IDENTITY) : FACILITATORS_ALLOWANCE)
    }

    wss.handleUpgrade(req, socket, head, (ws) => {
      // Only a WebSocket can carry a close code the app understands, so the version gate sits here.
      const verdict = versionOf(req, version)
      if (verdict !== 'current') {
        metrics.reject(verdict === 'stale' ? 'stale_client' : 'client_ahead')
        if (verdict === 'stale') ws.close(CloseCode.staleClient, 'a new version is available: reload')
        else ws.close(CloseCode.serverBehind, 'this server is older than the app: retry later')
        return
      }
      const address = addressOf(req)
      const fromAddress = perAddress.get(address) ?? { connections: new Set<Connection>(), integration: integrationShare(limits.integrationMsPer10sPerIp) }
      if (fromAddress.connections.size >= limits.maxConnectionsPerIp) {
        metrics.reject('too_many_connections', { workshopId, kind, role }, { code: CloseCode.busy })
        ws.close(CloseCode.busy, 'too many connections from this address')
        return
      }
      const inWorkshop = sharesOf(workshopId)
      if (inWorkshop.connections >= limits.maxConnectionsPerWorkshop) {
        metrics.reject('workshop_connections_full', { workshopId, kind, role }, { code: CloseCode.busy })
        ws.close(CloseCode.busy, 'too many connections to this workshop')
        return
      }
      perAddress.set(address, fromAddress)
      inWorkshop.connections++
      const target = {
        workshopId,
        docName: docName!,
        kind,
        role,
        wantsExtensions: url.searchParams.get(EXT_PARAM) === '1',
        participantId,
        generation: generationOf(req),
      }
      const allowance = role === 'participant' ? writingOf(workshopId, participantId) : undefined
      if (allowance) allowance.holders++
      const shared = {
        neighbours: fromAddress.connections,
        workshopIntegration: inWorkshop.integration,
        addressIntegration: fromAddress.integration,
        ...(allowance ? { writing: allowance.bucket, workshopWriting: inWorkshop.writing, writingShare: allowance.share } : {}),
        ...(role === 'facilitator' ? { facilitatorContent: inWorkshop.facilitatorContent } : {}),
      }
      const connection = new Connection(ws, target, registry, metrics, limits, mayWrite, key, shared)
      fromAddress.connections.add(connection)
      connections.add(connection)
      opened.set(connection, { workshopId, key })
      ws.on('close', () => {
        connections.delete(connection)
        fromAddress.connections.delete(connection)
        // Dropped by `sweep` once unused and refilled: a socket per update must not get a fresh share
        // each, and what the connection still handles after its close is charged to the same one.
        inWorkshop.connections--
        if (allowance) allowance.holders--
      })
    })
  }

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      socket.on('error', () => socket.destroy())
      handleUpgrade(req, socket, head).catch((error: unknown) => refuse(socket, 400, `could not open the connection: ${String(error)}`.slice(0, 200)))
    },
    /** Pings every connection; one that did not answer the previous ping is dropped. */
    sweep(): void {
      for (const connection of connections) connection.ping()
      // Shares of addresses and workshops with no socket left, once nothing of them is spent.
      for (const [address, share] of perAddress) if (share.connections.size === 0 && share.integration.isFull()) perAddress.delete(address)
      for (const [workshopId, share] of perWorkshop) {
        // Only once no socket holds it: the person's next socket must not find a fresh one.
        for (const [who, allowance] of share.writers)
          if (allowance.holders <= 0 && allowance.bucket.isFull() && allowance.share.isFull()) share.writers.delete(who)
        // A full copy owes nothing the others told it; once dropped, it stops following the charges.
        if (share.connections <= 0 && share.integration.isFull() && share.writing.isFull() && share.facilitatorContent.isFull() && share.writers.size === 0) {
          perWorkshop.delete(workshopId)
          charges.unfollow(workshopId)
        }
      }
    },
    /** Closes every connection of a workshop made with a key no longer valid (after a rotation). */
    closeKey(workshopId: string, key: string, code: number, reason: string): void {
      for (const connection of connections) if (connection.opens(workshopId, key)) connection.close(code, reason)
    },
    /** Bytes waiting in every socket towards its client, for /metrics. */
    queuedBytes(): number {
      let queued = 0
      for (const connection of connections) queued += connection.queuedBytes
      return queued
    },
    /**
     * Closes every connection of a workshop (of every workshop, with null) whose key no longer
     * grants the role it connected with: another instance rotated a key or deleted the workshop.
     * Each distinct key is looked up once.
     */
    async recheckKeys(workshopId: string | null, code: number, reason: string): Promise<void> {
      const roles = new Map<string, Promise<Role | null>>()
      for (const connection of [...connections]) {
        const facts = opened.get(connection)
        if (!facts || (workshopId !== null && facts.workshopId !== workshopId)) continue
        const lookup = `${facts.workshopId} ${facts.key}`
        if (!roles.has(lookup))
          roles.set(
            lookup,
            workshops.identify(facts.workshopId, facts.key).then(({ role }) => role),
          )
        if ((await roles.get(lookup)) !== connection.role) connection.close(code, reason)
      }
    },
    closeAll(code: number, reason: string): void {
      if (connections.size > 0) metrics.closed({}, code, `${reason}: closing ${connections.size} connections`)
      for (const connection of connections) connection.close(code, reason)
      wss.close()
    },
  }
}

/**
 * This instance's copy of a writing allowance shared by all instances (WorkshopCharges): what all
 * participants of a workshop may write together, one person's, or its facilitators' content. It
 * owes all it overdraws (see writingOf). `spend`, which the connection calls for each admitted
 * change, also tells the others; what they admitted comes in through `spendRelayed`.
 */
class RelayedAllowance extends TokenBucket {
  constructor(
    perSecond: number,
    burst: number,
    private readonly tell: (records: number) => void,
  ) {
    super(perSecond, burst, Number.POSITIVE_INFINITY)
  }

  override spend(records: number, now?: number): void {
    super.spend(records, now)
    this.tell(records)
  }

  /** What another instance admitted: spent here, not told again. */
  spendRelayed(records: number): void {
    super.spend(records)
  }
}

/** The writing allowance participants without an identity share (no identity is this string). */
const WITHOUT_IDENTITY = ''

/** A workshop's connections on this instance and the budgets they share. */
interface WorkshopShares {
  connections: number
  integration: TokenBucket
  writing: RelayedAllowance
  /** Each participant's allowance and share, by identity. */
  writers: Map<string, Allowance>
  /** What its facilitators may write together, in KiB of content (FACILITATOR_CONTENT_BURST). */
  facilitatorContent: RelayedAllowance
}

/**
 * A person's writing allowance in one workshop, their share of the workshop's (see
 * SHARE_PER_MINUTE), and how many of their sockets hold them.
 */
interface Allowance {
  bucket: RelayedAllowance
  share: TokenBucket
  holders: number
}

/**
 * What each person may still write while the workshop's allowance is spent (by scripted
 * identities, say): a card or two at once, then a few letters a minute, so no one can stop a
 * room's writing. Like the other allowances it may be overdrawn by one of the app's pieces
 * (owed, then repaid at its rate): an honest piece larger than the share, sent again after a
 * pause, must not wait for as long as the workshop's is held empty. (A piece of over 460 records,
 * 400 structs typed inside words, never fits: the app halves its pieces after each wait for the
 * workshop, client/sync/updatePieces.ts.) The identities spending the
 * workshop's have shares too: 300 of them (an hour's worth) add 138,000 records at once and 3,000
 * a minute to its 2,000.
 */
const SHARE_BURST = 60
const SHARE_PER_MINUTE = 10

/**
 * The content a workshop's facilitators may write together, in KiB (a record per KiB, as the
 * participants' allowances count it; their records are not counted: cleaning up must never wait).
 * Anyone can make a workshop and be its facilitator: without it, values set and deleted would fill
 * the disk as fast as they arrive (a participant key did it at 100 MB a second before content was
 * charged). 64 MiB at once is eight boards at the size limit; an honest facilitator writes a
 * fraction of one.
 */
const FACILITATOR_CONTENT_BURST = 64 * 1024
const FACILITATOR_CONTENT_PER_MINUTE = 16 * 1024

/** The key from the `s2s.key.<key>` subprotocol the app offers, or `?key=` (stock clients). */
function keyOf(req: IncomingMessage, url: URL): string | null {
  return offered(req, KEY_SUBPROTOCOL_PREFIX) ?? url.searchParams.get('key')
}

/** How the client's offered versions compare with this code's; no offer (a stock client) is current. */
function versionOf(req: IncomingMessage, own: ClientVersion): ReturnType<typeof compareVersion> {
  const offer = offered(req, VERSION_SUBPROTOCOL_PREFIX)
  if (offer === null) return 'current'
  const version = parseVersionProtocol(offer)
  return version ? compareVersion(version, own) : 'stale'
}

/** The board generation the client's copy belongs to, or null when it offered none (or nonsense, taken as none). */
function generationOf(req: IncomingMessage): number | null {
  const offer = offered(req, GENERATION_SUBPROTOCOL_PREFIX)
  return offer !== null && /^\d{1,9}$/.test(offer) ? Number(offer) : null
}

/** The value of the first offered subprotocol with this prefix, or null. */
function offered(req: IncomingMessage, prefix: string): string | null {
  const protocols = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim())
  const found = protocols.find((p) => p.startsWith(prefix))
  return found ? found.slice(prefix.length) : null
}
