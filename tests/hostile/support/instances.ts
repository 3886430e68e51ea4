import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { startChildServer, type ChildServer } from '../../support/childServer.ts'
import { tempDataDir } from '../../support/server.ts'
import { startPostgres, startRedis, type ThrowawayPostgres, type ThrowawayRedis } from '../../support/services.ts'

/**
 * Several real instances for the hostile tests: a throwaway PostgreSQL and Redis, and servers in
 * child processes (`server/main.ts`, as `npm start` runs it) sharing them, so that each one's
 * event loop is measured apart (`expectLoopBounded` reads its own /metrics).
 */
export interface Instances {
  postgres: ThrowawayPostgres
  redis: ThrowawayRedis
  databaseUrl: string
  /** A server on this database and Redis; `env` adds limits (LOAD_ROW_BUDGET_MS, …). */
  start(env?: Record<string, string>): Promise<ChildServer>
  /** Runs SQL on the shared database, as an operator (or a log written before the guard) would. */
  sql<Row extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<Row[]>
  close(): Promise<void>
}

export async function startInstances(): Promise<Instances> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  const databaseUrl = await postgres.createDatabase()
  const data = tempDataDir()
  // Identities signed by one instance are read by the others.
  const identitySecret = randomBytes(32).toString('hex')
  const servers: ChildServer[] = []
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  return {
    postgres,
    redis,
    databaseUrl,
    async start(env = {}) {
      const server = await startChildServer(data.dir, { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, IDENTITY_SECRET: identitySecret, ...env })
      servers.push(server)
      return server
    },
    async sql<Row extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
      return (await db.query<Row>(text, values)).rows
    },
    async close() {
      await Promise.allSettled(servers.map((server) => server.kill()))
      await db.end().catch(() => {})
      await Promise.allSettled([postgres.destroy(), redis.stop()])
      data.remove()
    },
  }
}

/** Stores `rows` in a document's log behind the servers' backs; returns their sequence numbers. */
export async function insertRows(instances: Instances, workshopId: string, docName: string, rows: Uint8Array[]): Promise<number[]> {
  const seqs: number[] = []
  for (const row of rows) {
    const [added] = await instances.sql<{ seq: string }>('INSERT INTO doc_updates (workshop_id, doc_name, data) VALUES ($1, $2, $3) RETURNING seq', [
      workshopId,
      docName,
      Buffer.from(row),
    ])
    seqs.push(Number(added!.seq))
  }
  return seqs
}
