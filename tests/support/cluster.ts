import { randomBytes } from 'node:crypto'
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
