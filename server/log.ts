import { Writable } from 'node:stream'
import { pino, stdSerializers, stdTimeFunctions, type Logger as PinoLogger } from 'pino'
import { DRAFT_DOC_PREFIX, ID_SOURCE } from '../shared/protocol.ts'

/**
 * The server's log: one JSON object per line (pino), with a level, a time, and the fields that
 * say where (`workshop`, `doc` — the document's kind, never a draft's name), why (`reason`) and
 * what was answered (`code`, `status`). A person at a terminal gets the same lines made readable.
 *
 * Secrets never reach the output, whoever wrote the call: fields named like a secret are replaced
 * by pino's redaction, and every message and error text is scrubbed of keys, identity tokens,
 * draft ids and the passwords in connection URLs (see `scrub`).
 */
export type Logger = PinoLogger

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value)
}

/** Field names whose values are secrets wherever they appear (one level deep too). */
const SECRET_FIELDS = ['key', 'keys', 'token', 'identity', 'authorization', 'password', 'draftId', 'databaseUrl', 'redisUrl']
const REDACT_PATHS = [...SECRET_FIELDS, ...SECRET_FIELDS.map((field) => `*.${field}`), 'req.headers.authorization', 'req.headers["sec-websocket-protocol"]']

const SECRETS_IN_TEXT: [RegExp, string][] = [
  // user:password@ in postgres://, redis://, any URL
  [/(\/\/[^:@/\s]*):[^@/\s]*@/g, '$1:***@'],
  // ?key=… &identity=… token=…, in request addresses and error texts
  [/\b(key|identity|token)=[^&\s"']+/gi, '$1=***'],
  // the subprotocols that carry a key or an identity token
  [/\b(s2s\.(?:key|id)\.)[A-Za-z0-9_.-]+/g, '$1***'],
  [/\b(Bearer\s+)\S+/gi, '$1***'],
  // a draft's name is its only lock (protocol.ts: DRAFT_DOC_PREFIX)
  [new RegExp(`\\b${DRAFT_DOC_PREFIX}${ID_SOURCE}\\b`, 'g'), `${DRAFT_DOC_PREFIX}***`],
]

/** The text with every secret it may carry replaced by `***`. */
export function scrub(text: string): string {
  let clean = text
  for (const [pattern, replacement] of SECRETS_IN_TEXT) clean = clean.replace(pattern, replacement)
  return clean
}

export interface LoggerOptions {
  level?: LogLevel
  /** Where lines go (stdout by default); tests pass a stream they read. */
  destination?: NodeJS.WritableStream
  /** Human-readable lines instead of JSON (by default only when stdout is a terminal). */
  pretty?: boolean
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const pretty = options.pretty ?? (options.destination === undefined && process.stdout.isTTY === true)
  const destination = options.destination ?? process.stdout
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      // Words and ISO times read the same in a terminal, a file and a log collector.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '***' },
      serializers: {
        err: (error: unknown) => {
          if (!(error instanceof Error)) return scrub(String(error))
          const serialized = stdSerializers.err(error)
          return { ...serialized, message: scrub(serialized.message), stack: scrub(serialized.stack) }
        },
      },
      hooks: {
        // Messages are often built from error texts and addresses: they are scrubbed as they come.
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg)) as Parameters<typeof method>)
        },
      },
    },
    pretty ? prettyStream(destination) : destination,
  )
}

/** A logger that writes nothing (tests that do not read the log). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' })
}

/** `12:03:04 WARN  refused: write_forbidden  workshop=… doc=board` for a person at a terminal. */
function prettyStream(out: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) {
        if (line) out.write(`${prettyLine(line)}\n`)
      }
      done()
    },
  })
}

function prettyLine(json: string): string {
  const { level, time, msg, err, ...fields } = JSON.parse(json) as Record<string, unknown>
  const clock = new Date(String(time)).toTimeString().slice(0, 8)
  const extra = Object.entries(fields).map(([name, value]) => `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
  const stack = err && typeof err === 'object' && 'stack' in err ? `\n${String(err.stack)}` : ''
  return `${clock} ${String(level).toUpperCase().padEnd(5)} ${String(msg ?? '')}${extra.length ? `  ${extra.join(' ')}` : ''}${stack}`
}
