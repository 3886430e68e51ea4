/**
 * How a history snapshot's documents are packed into one stored value, the same in every store
 * (so `migrate-store` copies the bytes as they are).
 */
export function packHistoryDocs(docs: Map<string, Uint8Array>): Buffer {
  return Buffer.from(JSON.stringify([...docs].map(([name, data]) => [name, Buffer.from(data).toString('base64')])))
}

export function unpackHistoryDocs(packed: Uint8Array): Map<string, Uint8Array> {
  const entries = JSON.parse(Buffer.from(packed).toString()) as [string, string][]
  return new Map(entries.map(([name, data]) => [name, new Uint8Array(Buffer.from(data, 'base64'))]))
}

/** Three hours of snapshots every three minutes is 60; keep plenty more, not forever. */
export const HISTORY_KEPT_PER_WORKSHOP = 300
