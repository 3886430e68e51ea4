import type { JoinCodeRecord, WorkshopRecord } from './docStore.ts'

/** The rows both stores keep (same column names in SQLite and PostgreSQL), and their records. */
export interface WorkshopRow {
  id: string
  title: string
  created_at: number
  facilitator_key_hash: string
  participant_key_hash: string
  screen_key_hash: string
  participant_key_generation: number
  board_generation: number
}

export interface JoinCodeRow {
  code: string
  workshop_id: string
  participant_key: string
  issued_at: number
}

export function workshopRecord(row: WorkshopRow | undefined): WorkshopRecord | undefined {
  if (!row) return undefined
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    facilitatorKeyHash: row.facilitator_key_hash,
    participantKeyHash: row.participant_key_hash,
    screenKeyHash: row.screen_key_hash,
    participantKeyGeneration: row.participant_key_generation,
    boardGeneration: row.board_generation,
  }
}

export function joinCodeRecord(row: JoinCodeRow | undefined): JoinCodeRecord | undefined {
  return row && { code: row.code, workshopId: row.workshop_id, participantKey: row.participant_key, issuedAt: row.issued_at }
}
