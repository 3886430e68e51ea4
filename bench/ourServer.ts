import { startServer } from '../server/app.ts'
import { defaultConfig } from '../server/config.ts'
import { createLogger } from '../server/log.ts'
import { loadPool } from '../server/sync/load/loadPool.ts'
import { SqliteDocStore } from '../server/store/sqliteStore.ts'
import { serveParent } from './ipc.ts'

/** Our sync server exactly as `npm start` wires it (SQLite store, default limits), minus the SPA. */
const [dataDir, roomIdleMs] = process.argv.slice(2)
if (!dataDir) throw new Error('usage: ourServer.ts <dataDir> [roomIdleMs]')
// Changes from the defaults: the scale bench creates a hundred workshops from one address, and
// the swarms' writers are stock clients without an identity, who share one writing allowance per
// workshop (a person's is 1,000 records at once and 60 a minute, a workshop's 20,000 and 2,000):
// they write for minutes on end.
const config = defaultConfig({
  port: 0,
  host: '127.0.0.1',
  dataDir,
  logger: createLogger({ destination: process.stderr }),
  limits: { workshopsPerIpPerHour: 10_000, writeBurstPerPerson: Number.MAX_SAFE_INTEGER, writeBurstPerWorkshop: Number.MAX_SAFE_INTEGER },
  // The cold-load bench unloads a room soon after its client leaves, to load it cold again in a running server.
  ...(roomIdleMs ? { tuning: { roomIdleMs: Number(roomIdleMs) } } : {}),
})
// BENCH_STORE=commit: the store without its update journal (a SQLite commit per turn), to compare.
const server = await startServer(config, process.env.BENCH_STORE === 'commit' ? new SqliteDocStore(dataDir) : undefined)
// Ready once a document can be loaded: the scale bench's cold load measures the document's load
// from disk, and the worker's start counts in its "server start" row.
await loadPool.ready()
serveParent('ours', server.port, () => server.close())
