import { Writable } from 'node:stream'
import { createLogger, type Logger, type LogLevel } from '../../server/log.ts'

/** One structured log line as the server wrote it. */
export type LogLine = Record<string, unknown> & { level: LogLevel; time: string; msg: string }

/**
 * The server's real logger (redaction, scrubbing and all) writing into memory, so a test reads
 * what an operator would: `lines()` are the JSON lines parsed, `text()` the raw output.
 */
export function capturedLogger(level: LogLevel = 'debug'): { logger: Logger; lines(): LogLine[]; text(): string } {
  let text = ''
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString()
      done()
    },
  })
  return {
    logger: createLogger({ level, destination, pretty: false }),
    lines: () => parseLogLines(text),
    text: () => text,
  }
}

/** The JSON lines of a server's output (anything else, like a child's stderr chatter, is skipped). */
export function parseLogLines(output: string): LogLine[] {
  const lines: LogLine[] = []
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue
    try {
      lines.push(JSON.parse(line) as LogLine)
    } catch {
      // a line cut by the end of the output so far
    }
  }
  return lines
}
