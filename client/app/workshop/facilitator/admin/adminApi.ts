import { API_WORKSHOPS } from '../../../../../shared/protocol.ts'

/**
 * The facilitator's workshop-level actions, over the REST API with the facilitator key. Other
 * parts of the console that show links listen for LINKS_CHANGED_EVENT and fetch them again.
 */
export const LINKS_CHANGED_EVENT = 's2s:links-changed'

const url = (workshopId: string, rest = '') => `${API_WORKSHOPS}/${encodeURIComponent(workshopId)}${rest}`

/** A new participant key: the old link and QR code stop working and their connections close. */
export async function rotateParticipantKey(workshopId: string, key: string): Promise<void> {
  const response = await fetch(url(workshopId, '/participant-key'), { method: 'POST', headers: { authorization: `Bearer ${key}` }, cache: 'no-store' })
  if (!response.ok) throw new Error(`rotation answered ${response.status}`)
  window.dispatchEvent(new Event(LINKS_CHANGED_EVENT))
}

/** Deletes the workshop with every document and snapshot of it. */
export async function deleteWorkshop(workshopId: string, key: string): Promise<void> {
  const response = await fetch(url(workshopId), { method: 'DELETE', headers: { authorization: `Bearer ${key}` }, cache: 'no-store' })
  if (!response.ok) throw new Error(`deletion answered ${response.status}`)
}

/** What starting the board afresh did (the server's answer). */
export interface BoardRenewal {
  generation: number
  bytesBefore: number
  bytesAfter: number
}

/** Starts the board's history afresh: same content, none of the traces of what was deleted. */
export async function renewBoard(workshopId: string, key: string): Promise<BoardRenewal> {
  const response = await fetch(url(workshopId, '/board/renew'), { method: 'POST', headers: { authorization: `Bearer ${key}` }, cache: 'no-store' })
  if (!response.ok) throw new Error(`renewal answered ${response.status}`)
  return (await response.json()) as BoardRenewal
}
