import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type * as Y from 'yjs'
import { connectClient, type TestClient } from './clients.ts'
import { startPostgres, startRedis, type ThrowawayPostgres, type ThrowawayRedis } from './services.ts'
import { startTestServer, type TestServerOptions } from './server.ts'

export type TestInstance = Awaited<ReturnType<typeof startTestServer>>

export interface TestCluster {
  postgres: ThrowawayPostgres
  redis: ThrowawayRedis
  /** A fresh database for one test. */
  databaseUrl(): Promise<string>
  /** `count` instances sharing one database and Redis, as `npm start` would run them. */
  instances(count: number, databaseUrl: string, options?: TestServerOptions): Promise<TestInstance[]>
  destroy(): Promise<void>
}

/** A throwaway PostgreSQL and Redis for a test file; each test takes a database of its own. */
export async function startCluster(): Promise<TestCluster> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  const started: TestInstance[] = []
  return {
    postgres,
    redis,
    databaseUrl: () => postgres.createDatabase(),
    async instances(count, databaseUrl, options = {}) {
      const instances: TestInstance[] = []
      const identitySecret = randomBytes(32).toString('hex')
      for (let i = 0; i < count; i++) instances.push(await startTestServer({ identitySecret, ...options, databaseUrl, redisUrl: redis.url }))
      started.push(...instances)
      return instances
    },
    async destroy() {
      await Promise.allSettled(started.map((instance) => instance.close()))
      await Promise.allSettled([postgres.destroy(), redis.stop()])
    },
  }
}

/**
 * For a test file: one cluster (started before its first test, stopped after its last), stock
 * clients opened with our extension messages, and clean-ups run after each test.
 */
export function clusterPerFile() {
  let started: TestCluster | undefined
  const cleanups: (() => unknown)[] = []
  beforeAll(async () => {
    started = await startCluster()
  })
  afterAll(async () => {
    await started?.destroy()
  })
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!()
  })
  return {
    get cluster(): TestCluster {
      if (!started) throw new Error('the cluster starts before the first test')
      return started
    },
    afterThisTest(cleanup: () => unknown): void {
      cleanups.push(cleanup)
    },
    /** A stock client (closed after the test), with an identity token or an existing document if given. */
    open(wsUrl: string, workshopId: string, docName: string, key: string, given: { identity?: string; doc?: Y.Doc } = {}): TestClient {
      const params: Record<string, string> = given.identity ? { key, ext: '1', identity: given.identity } : { key, ext: '1' }
      const client = connectClient(wsUrl, workshopId, docName, params, given.doc)
      cleanups.push(() => client.destroy())
      return client
    },
  }
}
