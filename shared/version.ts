/**
 * The two versions a client and the server must agree on, in one place.
 *
 * - `PROTOCOL_VERSION`: the wire contract of `protocol.ts` (message types, close codes, notices).
 *   Raise it when a message changes meaning in a way an older client would misread.
 * - `SCHEMA_VERSION`: the shape of the records in the documents (`doc/migrate.ts` upgrades older
 *   documents step by step). Raise it with every migration.
 *
 * The app offers both when it connects (`s2s.v.<protocol>.<schema>`, see `protocol.ts`); the
 * server closes a connection from older code with `CloseCode.staleClient`, and the app asks the
 * person to reload, so a tab opened before a deploy never writes records of an older shape.
 */
// 2: board generations (`CloseCode.renewed`). An app from before would sync a copy of an old
// generation into the new one, offering none: it is told to reload instead.
export const PROTOCOL_VERSION = 2

/** The schema version this code writes and understands. */
export const SCHEMA_VERSION = 1

export interface ClientVersion {
  readonly protocol: number
  readonly schema: number
}

export const CURRENT_VERSION: ClientVersion = { protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION }

/**
 * How a client's versions compare with this code's: `stale` when either is older (it must
 * reload), `ahead` when either is newer (this server is behind a deploy in progress; the client
 * retries until it is updated), `current` otherwise.
 */
export function compareVersion(client: ClientVersion, own: ClientVersion = CURRENT_VERSION): 'current' | 'stale' | 'ahead' {
  if (client.protocol < own.protocol || client.schema < own.schema) return 'stale'
  if (client.protocol > own.protocol || client.schema > own.schema) return 'ahead'
  return 'current'
}
