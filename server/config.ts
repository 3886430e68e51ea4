/**
 * Server configuration: defaults, then environment variables, then command-line flags.
 * Every limit is documented in the README's "Limits" table; keep the two in step.
 */
import { parseArgs } from 'node:util'
import { LOG_LEVELS, createLogger, isLogLevel, type Logger } from './log.ts'
import type { ClientVersion } from '../shared/version.ts'
export interface Limits {
  /** Largest WebSocket message accepted (bytes). */
  maxMessageBytes: number
  /** Open connections from one address: a lecture hall of 1,000 behind one NAT holds up to ~3 each
   * (board, control, a draft in a private round) plus reconnects overlapping. */
  maxConnectionsPerIp: number
  /** Open connections to one workshop, from all addresses: one workshop cannot take the server. */
  maxConnectionsPerWorkshop: number
  /** Bytes the server may have queued, over all connections from one address, when it sends a
   * large message (a document sent whole); past it that connection is told to retry. */
  maxQueuedBytesPerIp: number
  /** Documents held in memory at once; idle ones are unloaded first. */
  maxRoomsInMemory: number
  /** Stored size of one document past which writes are refused. */
  maxDocBytes: number
  /** Presence messages a connection may send per second (sustained) and in a burst; beyond them
   * only the newest state is kept and applied when the budget allows. */
  presencePerSecond: number
  presenceBurst: number
  /** Presence messages in one second past which the connection is closed as a flood. */
  presenceFloodPerSecond: number
  /** Workshops one address may create per hour. */
  workshopsPerIpPerHour: number
  /** Wrong join codes one address may try per minute (then every try waits out the minute). */
  joinCodeTriesPerMinute: number
  /** Largest JSON body of an API request (import files use maxImportBytes). */
  maxJsonBytes: number
  maxImportBytes: number
  /** Bytes the server may have queued for one connection; a reader that falls further behind is closed. */
  maxSendBufferBytes: number
  /** Sync step 1 and presence queries ("send me everything") a connection may send per second, and in a burst. */
  requestsPerSecond: number
  requestBurst: number
  /** Refused writes a connection may send per second and in a burst before it is closed. */
  refusedPerSecond: number
  refusedBurst: number
  /** Structs one update may carry (the update guard's other limits are in server/sync/updateGuard.ts). */
  maxStructsPerUpdate: number
  /** Milliseconds of integration work one connection may cost in ten seconds before it is closed. */
  integrationMsPer10s: number
  /**
   * The same, shared by every connection to one workshop, and by every connection from one
   * address: many sockets get no more than one share. Spent, costly updates from there wait.
   */
  integrationMsPer10sPerWorkshop: number
  integrationMsPer10sPerIp: number
  /** A stored row that takes more CPU than this (ms) to apply at load is set aside (server/sync/load). */
  loadRowBudgetMs: number
  /** An export that takes more CPU than this (ms) to render in its worker thread is stopped and answered 503. */
  exportBudgetMs: number
  /** A PDF Chromium has not printed within this many ms (wall clock: the work is the browser's) is stopped and answered 503. */
  pdfBudgetMs: number
  /** Exports waiting for their turn (2 render at once, 2 PDFs print); past this many, 503 with Retry-After. */
  maxExportsWaiting: number
  /** How often (ms) the loop watch ticks to find the longest delay and task (server/loopWatch.ts). */
  loopCpuWatchMs: number
  /** How long acknowledged updates wait in the SQLite store's journal before one transaction folds them in. */
  journalFoldMs: number
  /** Private drafts one workshop may hold (a little above a room of 60), and the size of each. */
  maxDraftsPerWorkshop: number
  maxDraftBytes: number
  /** Documents one workshop may hold in memory at once: one workshop cannot evict the others. */
  maxRoomsPerWorkshop: number
  /** Stored bytes of one workshop's history snapshots; the oldest go first past it. */
  maxHistoryBytes: number
  /** Workshops untouched for this many days are deleted with all their data; 0 keeps them forever. */
  retentionDays: number
  /** New participant identities one workshop may be given per hour (each is a person who may vote). */
  identitiesPerWorkshopPerHour: number
  /**
   * Records (see `newRecords` in server/sync/updateGuard.ts) one participant may add to a
   * workshop's documents at once, and per minute after that. Each is kept for good, deleted or
   * not, so a key on the wall cannot fill a board with tombstones. Participants without an
   * identity (stock clients) share one allowance per workshop; facilitators have none.
   */
  writeBurstPerPerson: number
  writesPerMinutePerPerson: number
  /**
   * Records all participants of one workshop may add together, at once and per minute: new
   * identities come by the hundred an hour, and each brings a person's allowance.
   */
  writeBurstPerWorkshop: number
  writesPerMinutePerWorkshop: number
}

export interface Tuning {
  /** A room with no connection for this long is stored and unloaded. */
  roomIdleMs: number
  /** The update log of a document is folded into a snapshot past this many updates, */
  compactAfterUpdates: number
  /**
   * and at most this often: a compaction encodes the whole document on the main thread (~200 ms at
   * 8 MiB), and a flood of small updates compacted every 500 kept it busy with little else. A
   * longer log costs only a longer fold at the next load, in a worker.
   */
  compactAtMostEveryMs: number
  /** A room's presence is broadcast at most once per this interval (PRESENCE_INTERVAL_MS): at once after a quiet one, else at its end. */
  presenceIntervalMs: number
  /** Ping interval; a connection that missed a whole interval is dropped. */
  pingIntervalMs: number
  /** A workshop that changes gets a history snapshot at most this often. */
  historyIntervalMs: number
}

export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  /** Built SPA to serve; absent in tests that only need the API and sync. */
  staticDir?: string
  limits: Limits
  tuning: Tuning
  /** Addresses of reverse proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES, comma-separated). */
  trustedProxies?: readonly string[]
  /** PostgreSQL instead of SQLite (DATABASE_URL or --database): needed for several instances. */
  databaseUrl?: string
  /** Redis linking several instances (REDIS_URL or --redis): updates, presence, leases. */
  redisUrl?: string
  /** Signs participant identities (IDENTITY_SECRET); by default a random one kept in the data directory. */
  identitySecret?: string
  /** Structured log (server/log.ts): level from LOG_LEVEL or --log-level; silent in tests. */
  logger: Logger
  /**
   * The versions this server holds clients to; this code's own (shared/version.ts) unless a test
   * plays a server that runs newer code than an open page.
   */
  codeVersion?: ClientVersion
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 2 * 1024 * 1024,
  maxConnectionsPerIp: 4_096,
  maxConnectionsPerWorkshop: 4_096,
  maxQueuedBytesPerIp: 1024 * 1024 * 1024,
  maxRoomsInMemory: 2_000,
  // Every cost that grows with a document is paid on the main thread now and then: measuring it
  // (one encoding), compacting it (encoding and one SQLite write) and its history snapshot. At
  // 8 MiB (about 9,000 signal cards, several times the largest real workshop) each stays within the
  // 200 ms of CPU that every other message is held to; at 32 MiB a compaction took ~700 ms.
  maxDocBytes: 8 * 1024 * 1024,
  presencePerSecond: 30,
  presenceBurst: 120,
  presenceFloodPerSecond: 300,
  workshopsPerIpPerHour: 60,
  joinCodeTriesPerMinute: 10,
  maxJsonBytes: 64 * 1024,
  // A JSON export carries each document in base64 (4/3 of its bytes): a board at MAX_DOC_BYTES fits.
  maxImportBytes: 12 * 1024 * 1024,
  maxSendBufferBytes: 8 * 1024 * 1024,
  requestsPerSecond: 2,
  requestBurst: 20,
  refusedPerSecond: 2,
  refusedBurst: 20,
  maxStructsPerUpdate: 5_000,
  integrationMsPer10s: 1_000,
  integrationMsPer10sPerWorkshop: 3_000,
  integrationMsPer10sPerIp: 3_000,
  loadRowBudgetMs: 3_000,
  exportBudgetMs: 5_000,
  // A board at MAX_DOC_BYTES prints as ~1,500 A4 pages: over a minute, five on a loaded machine.
  pdfBudgetMs: 5 * 60_000,
  maxExportsWaiting: 100,
  loopCpuWatchMs: 1_000,
  journalFoldMs: 5_000,
  maxDraftsPerWorkshop: 80,
  maxDraftBytes: 256 * 1024,
  maxRoomsPerWorkshop: 90,
  maxHistoryBytes: 64 * 1024 * 1024,
  retentionDays: 0,
  identitiesPerWorkshopPerHour: 300,
  // A busy participant's whole workshop is 700–800 (ten cards, thirty moves, 2,000 letters of a
  // story; server/sync/writingRecords.test.ts): the burst holds it, the rate is one a second.
  writeBurstPerPerson: 1_000,
  writesPerMinutePerPerson: 60,
  // Sixty people adding their ten cards within minutes (about 10,000) fit the burst twice; a whole
  // workshop of sixty busy people (about 46,000 over two hours) is a fifth of its refill. The 300
  // new identities an hour would otherwise bring 300,000 at once (about 4 MB; see README).
  writeBurstPerWorkshop: 20_000,
  writesPerMinutePerWorkshop: 2_000,
}

export const DEFAULT_TUNING: Tuning = {
  roomIdleMs: 30_000,
  compactAfterUpdates: 500,
  compactAtMostEveryMs: 10_000,
  presenceIntervalMs: 40,
  pingIntervalMs: 30_000,
  historyIntervalMs: 3 * 60_000,
}

export function defaultConfig(
  overrides: Partial<Omit<ServerConfig, 'limits' | 'tuning'>> & {
    limits?: Partial<Limits>
    tuning?: Partial<Tuning>
  } = {},
): ServerConfig {
  return {
    port: 8080,
    host: '127.0.0.1',
    dataDir: './data',
    ...overrides,
    logger: overrides.logger ?? createLogger(),
    limits: { ...DEFAULT_LIMITS, ...overrides.limits },
    tuning: { ...DEFAULT_TUNING, ...overrides.tuning },
  }
}

const LIMIT_ENV: Record<keyof Limits, string> = {
  maxMessageBytes: 'MAX_MESSAGE_BYTES',
  maxConnectionsPerIp: 'MAX_CONNECTIONS_PER_IP',
  maxConnectionsPerWorkshop: 'MAX_CONNECTIONS_PER_WORKSHOP',
  maxQueuedBytesPerIp: 'MAX_QUEUED_BYTES_PER_IP',
  maxRoomsInMemory: 'MAX_ROOMS_IN_MEMORY',
  maxDocBytes: 'MAX_DOC_BYTES',
  presencePerSecond: 'PRESENCE_PER_SECOND',
  presenceBurst: 'PRESENCE_BURST',
  presenceFloodPerSecond: 'PRESENCE_FLOOD_PER_SECOND',
  workshopsPerIpPerHour: 'WORKSHOPS_PER_IP_PER_HOUR',
  joinCodeTriesPerMinute: 'JOIN_CODE_TRIES_PER_MINUTE',
  maxJsonBytes: 'MAX_JSON_BYTES',
  maxImportBytes: 'MAX_IMPORT_BYTES',
  maxSendBufferBytes: 'MAX_SEND_BUFFER_BYTES',
  requestsPerSecond: 'REQUESTS_PER_SECOND',
  requestBurst: 'REQUEST_BURST',
  refusedPerSecond: 'REFUSED_PER_SECOND',
  refusedBurst: 'REFUSED_BURST',
  maxStructsPerUpdate: 'MAX_STRUCTS_PER_UPDATE',
  integrationMsPer10s: 'INTEGRATION_MS_PER_10S',
  integrationMsPer10sPerWorkshop: 'INTEGRATION_MS_PER_10S_PER_WORKSHOP',
  integrationMsPer10sPerIp: 'INTEGRATION_MS_PER_10S_PER_IP',
  loadRowBudgetMs: 'LOAD_ROW_BUDGET_MS',
  exportBudgetMs: 'EXPORT_BUDGET_MS',
  pdfBudgetMs: 'PDF_BUDGET_MS',
  maxExportsWaiting: 'MAX_EXPORTS_WAITING',
  loopCpuWatchMs: 'LOOP_CPU_WATCH_MS',
  journalFoldMs: 'JOURNAL_FOLD_MS',
  maxDraftsPerWorkshop: 'MAX_DRAFTS_PER_WORKSHOP',
  maxDraftBytes: 'MAX_DRAFT_BYTES',
  maxRoomsPerWorkshop: 'MAX_ROOMS_PER_WORKSHOP',
  maxHistoryBytes: 'MAX_HISTORY_BYTES',
  retentionDays: 'RETENTION_DAYS',
  identitiesPerWorkshopPerHour: 'IDENTITIES_PER_WORKSHOP_PER_HOUR',
  writeBurstPerPerson: 'WRITE_BURST_PER_PERSON',
  writesPerMinutePerPerson: 'WRITES_PER_MINUTE_PER_PERSON',
  writeBurstPerWorkshop: 'WRITE_BURST_PER_WORKSHOP',
  writesPerMinutePerWorkshop: 'WRITES_PER_MINUTE_PER_WORKSHOP',
}

export const SERVER_USAGE = `usage: npm start -- [--port N] [--host ADDRESS] [--data DIR] [--database postgres://…] [--redis redis://…] [--log-level ${LOG_LEVELS.join('|')}] [--build-if-needed]`

/**
 * Reads `--port 9000` / `--port=9000` style flags (node:util parseArgs, strict) and the matching
 * environment variables. An unknown flag, a flag without its value (a bare `--host`) or a stray
 * word is an error that carries the usage line, never a silent default.
 */
export function configFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ServerConfig {
  let flags: { port?: string; host?: string; data?: string; database?: string; redis?: string; 'log-level'?: string }
  try {
    ;({ values: flags } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        database: { type: 'string' },
        redis: { type: 'string' },
        'log-level': { type: 'string' },
        'build-if-needed': { type: 'boolean' },
      },
    }))
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${SERVER_USAGE}`, { cause: error })
  }
  const limits: Partial<Limits> = {}
  for (const [key, envName] of Object.entries(LIMIT_ENV) as [keyof Limits, string][]) {
    const raw = env[envName]
    if (raw !== undefined) limits[key] = positiveInt(raw, envName, key === 'retentionDays')
  }
  const port = flags.port ?? env.PORT
  const level = flags['log-level'] ?? (env.LOG_LEVEL || 'info')
  if (!isLogLevel(level)) throw new Error(`log level must be one of ${LOG_LEVELS.join(', ')}, got "${level}"\n${SERVER_USAGE}`)
  return defaultConfig({
    port: port === undefined ? 8080 : positiveInt(port, '--port', true),
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    dataDir: flags.data ?? env.DATA_DIR ?? './data',
    databaseUrl: flags.database ?? (env.DATABASE_URL || undefined),
    redisUrl: flags.redis ?? (env.REDIS_URL || undefined),
    trustedProxies: (env.TRUSTED_PROXIES ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    ...(env.IDENTITY_SECRET ? { identitySecret: env.IDENTITY_SECRET } : {}),
    logger: createLogger({ level }),
    limits,
    ...(env.PRESENCE_INTERVAL_MS ? { tuning: { presenceIntervalMs: positiveInt(env.PRESENCE_INTERVAL_MS, 'PRESENCE_INTERVAL_MS') } } : {}),
  })
}

function positiveInt(raw: string, name: string, allowZero = false): number {
  const value = Number(raw)
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new Error(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got "${raw}"`)
  }
  return value
}
