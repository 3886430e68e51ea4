/**
 * Server configuration: defaults, then environment variables, then command-line flags.
 * Every limit is documented in the README's "Limits" table; keep the two in step.
 */
export interface Limits {
  /** Largest WebSocket message accepted (bytes). */
  maxMessageBytes: number
  /** Open connections from one address; a room of 60 behind one NAT holds ~3 each. */
  maxConnectionsPerIp: number
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
}

export interface Tuning {
  /** A room with no connection for this long is stored and unloaded. */
  roomIdleMs: number
  /** The update log of a document is folded into a snapshot past this many updates. */
  compactAfterUpdates: number
  /** Presence changes are gathered this long and broadcast as one message. */
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
  /** Quiet in tests. */
  log: (line: string) => void
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 2 * 1024 * 1024,
  maxConnectionsPerIp: 512,
  maxRoomsInMemory: 2_000,
  maxDocBytes: 32 * 1024 * 1024,
  presencePerSecond: 30,
  presenceBurst: 120,
  presenceFloodPerSecond: 300,
  workshopsPerIpPerHour: 60,
  joinCodeTriesPerMinute: 10,
  maxJsonBytes: 64 * 1024,
  maxImportBytes: 20 * 1024 * 1024,
}

export const DEFAULT_TUNING: Tuning = {
  roomIdleMs: 30_000,
  compactAfterUpdates: 500,
  presenceIntervalMs: 40,
  pingIntervalMs: 30_000,
  historyIntervalMs: 3 * 60_000,
}

export function defaultConfig(overrides: Partial<Omit<ServerConfig, 'limits' | 'tuning'>> & {
  limits?: Partial<Limits>
  tuning?: Partial<Tuning>
} = {}): ServerConfig {
  return {
    port: 8080,
    host: '127.0.0.1',
    dataDir: './data',
    log: (line) => console.log(line),
    ...overrides,
    limits: { ...DEFAULT_LIMITS, ...overrides.limits },
    tuning: { ...DEFAULT_TUNING, ...overrides.tuning },
  }
}

const LIMIT_ENV: Record<keyof Limits, string> = {
  maxMessageBytes: 'MAX_MESSAGE_BYTES',
  maxConnectionsPerIp: 'MAX_CONNECTIONS_PER_IP',
  maxRoomsInMemory: 'MAX_ROOMS_IN_MEMORY',
  maxDocBytes: 'MAX_DOC_BYTES',
  presencePerSecond: 'PRESENCE_PER_SECOND',
  presenceBurst: 'PRESENCE_BURST',
  presenceFloodPerSecond: 'PRESENCE_FLOOD_PER_SECOND',
  workshopsPerIpPerHour: 'WORKSHOPS_PER_IP_PER_HOUR',
  joinCodeTriesPerMinute: 'JOIN_CODE_TRIES_PER_MINUTE',
  maxJsonBytes: 'MAX_JSON_BYTES',
  maxImportBytes: 'MAX_IMPORT_BYTES',
}

/** Reads `--port 9000` / `--port=9000` style flags and the matching environment variables. */
export function configFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ServerConfig {
  const flags = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!arg.startsWith('--')) continue
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined]
    const next = argv[i + 1]
    if (inline !== undefined) flags.set(name, inline)
    else if (next !== undefined && !next.startsWith('--')) flags.set(name, argv[++i]!)
    else flags.set(name, 'true')
  }
  const limits: Partial<Limits> = {}
  for (const [key, envName] of Object.entries(LIMIT_ENV) as [keyof Limits, string][]) {
    const raw = env[envName]
    if (raw !== undefined) limits[key] = positiveInt(raw, envName)
  }
  const port = flags.get('port') ?? env.PORT
  return defaultConfig({
    port: port === undefined ? 8080 : positiveInt(port, '--port', true),
    host: flags.get('host') ?? env.HOST ?? '127.0.0.1',
    dataDir: flags.get('data') ?? env.DATA_DIR ?? './data',
    limits,
  })
}

function positiveInt(raw: string, name: string, allowZero = false): number {
  const value = Number(raw)
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new Error(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got "${raw}"`)
  }
  return value
}
