import { existsSync, readdirSync, statSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startServer } from './app.ts'
import { configFromArgs } from './config.ts'
import type { Logger } from './log.ts'
import { buildWorkerBundle, workerBundleIsFresh } from './sync/load/workerBundle.ts'

/**
 * `npm start`: build the client (and the load pool's worker) if its sources are newer than the
 * build, then run ONE process serving the SPA, the API and the sync WebSocket on one port.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const staticDir = join(root, 'dist', 'client')

async function main(): Promise<void> {
  const config = configFromArgs(process.argv.slice(2), process.env)
  const { logger } = config
  installCrashGuards(logger)
  if (process.argv.includes('--build-if-needed') && clientBuildIsStale()) {
    logger.info('building the client')
    const { build } = await import('vite')
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' })
  }
  if (process.argv.includes('--build-if-needed') && !workerBundleIsFresh()) {
    logger.info('bundling the load pool worker')
    await buildWorkerBundle()
  }
  const server = await startServer({ ...config, staticDir })
  const data = config.databaseUrl
    ? `PostgreSQL ${withoutPassword(config.databaseUrl)}${config.redisUrl ? `, linked through Redis ${withoutPassword(config.redisUrl)}` : ''}`
    : resolve(config.dataDir)
  announce(config.host, server.port, data, logger)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'storing everything and closing')
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'clean shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

/**
 * One bad request must not take the room down with it: anything that escapes a handler is
 * logged and the process keeps serving everyone else.
 */
function installCrashGuards(logger: Logger): void {
  process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception (still serving)'))
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection (still serving)'))
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

function clientBuildIsStale(): boolean {
  const built = join(staticDir, 'index.html')
  if (!existsSync(built)) return true
  const sources = Math.max(newestMtime(join(root, 'client')), newestMtime(join(root, 'shared')), statSync(join(root, 'vite.config.ts')).mtimeMs)
  return sources > statSync(built).mtimeMs
}

/** Connection URLs carry passwords; the banner and the logs must not. */
function withoutPassword(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')
}

/**
 * Where people find the server. A person at a terminal gets the banner; a service manager or a
 * log collector gets one structured line with the same addresses.
 */
function announce(host: string, port: number, data: string, logger: Logger): void {
  const urls: string[] = []
  if (host === '0.0.0.0' || host === '::') {
    urls.push(`http://localhost:${port}`)
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) {
        if (address.internal || address.family !== 'IPv4') continue
        urls.push(`http://${address.address}:${port}`)
      }
    }
  } else {
    urls.push(`http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`)
  }
  const localOnly = host === '127.0.0.1' || host === 'localhost'
  if (!process.stdout.isTTY) {
    logger.info({ urls, data, localOnly }, `Signals to Stories is running at ${urls.join(', ')}`)
    return
  }
  const lines = ['', '  Signals to Stories is running.', '', ...urls.map((url) => `    ${url}`), '', `  Data: ${data}`]
  if (localOnly) lines.push('  Only this computer can connect. To let laptops in the room join: npm start -- --host 0.0.0.0')
  else lines.push('  People in the room open one of the addresses above (same network).')
  process.stdout.write(`${lines.join('\n')}\n\n`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
