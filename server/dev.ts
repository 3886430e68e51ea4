import { join, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer as createVite } from 'vite'
import { startServer } from './app.ts'
import { configFromArgs } from './config.ts'

/**
 * `npm run dev`: the real server (API + sync) plus Vite's dev server with hot reload, which
 * proxies /api and /sync to it (see vite.config.ts). Open the Vite URL.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const config = configFromArgs(process.argv.slice(2), process.env)
const server = await startServer(config)
process.env.SERVER_PORT = String(server.port)
const vite = await createVite({ configFile: join(root, 'vite.config.ts') })
await vite.listen()
vite.printUrls()
const stop = () => void Promise.all([vite.close(), server.close()]).then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
