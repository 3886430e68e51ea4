import { afterAll, beforeAll } from 'vitest'
import { startPostgres, type ThrowawayPostgres } from './services.ts'

/** The engines the storage tests run against: the default SQLite, and PostgreSQL. */
export const STORE_KINDS = ['SQLite', 'PostgreSQL'] as const
export type StoreKind = (typeof STORE_KINDS)[number]

/**
 * Call at the top of a test file: returns where a test server of each kind keeps its data (a
 * fresh PostgreSQL database per call, on one throwaway server started before the file's tests,
 * outside their timeouts, and stopped after them). Pass the result to `startTestServer`; reuse it to restart on the same data.
 */
export function useStores(): (kind: StoreKind) => Promise<{ databaseUrl?: string }> {
  let postgres: ThrowawayPostgres | undefined
  beforeAll(async () => {
    postgres = await startPostgres()
  })
  afterAll(async () => {
    await postgres?.destroy()
  })
  return async (kind) => (kind === 'SQLite' ? {} : { databaseUrl: await postgres!.createDatabase() })
}
