/**
 * Signals of an earlier workshop on this server, fetched with its facilitator link. The key
 * leaves the browser only as an `Authorization` header; the server checks that it is that
 * workshop's facilitator key.
 */
import type { BankResponse } from '../../../../shared/bank/fromWorkshop.ts'
import { ID_SOURCE, KEY_SOURCE } from '../../../../shared/protocol.ts'

export type EarlierResult = { ok: true; bank: BankResponse } | { ok: false; reason: 'badLink' | 'notFacilitator' | 'noWorkshop' | 'offline' }

const FACILITATOR_LINK = new RegExp(`/w/(${ID_SOURCE})/facilitate#key=(${KEY_SOURCE})\\s*$`)

/** `…/w/<id>/facilitate#key=<key>` → its id and key; `null` for anything else. */
export function parseFacilitatorLink(text: string): { id: string; key: string } | null {
  const match = FACILITATOR_LINK.exec(text.trim())
  return match ? { id: match[1]!, key: match[2]! } : null
}

export async function fetchEarlierWorkshop(link: string): Promise<EarlierResult> {
  const parsed = parseFacilitatorLink(link)
  if (!parsed) return { ok: false, reason: 'badLink' }
  let response: Response
  try {
    response = await fetch(`/api/workshops/${parsed.id}/bank`, { headers: { authorization: `Bearer ${parsed.key}` } })
  } catch {
    return { ok: false, reason: 'offline' }
  }
  if (response.status === 401) return { ok: false, reason: 'notFacilitator' }
  if (response.status === 404) return { ok: false, reason: 'noWorkshop' }
  if (!response.ok) return { ok: false, reason: 'offline' }
  return { ok: true, bank: (await response.json()) as BankResponse }
}
