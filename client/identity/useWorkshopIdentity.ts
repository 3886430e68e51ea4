import { useEffect } from 'react'
import type { Role } from '../../shared/protocol.ts'
import { useStore } from '../state/store.ts'
import { loadIdentity, type ParticipantIdentity } from './participant.ts'
import { colorForId } from './palette.ts'
import { loadServerIdentity, requestServerIdentity, type IdentityAnswer, type ServerIdentity } from './serverIdentity.ts'

/** Waits between tries while the server cannot be reached (a first visit on a train). */
const RETRY_MS = [2_000, 5_000, 10_000, 30_000] as const

/**
 * Opens the session as the person the server knows: the identity kept for this workshop at once
 * (so a reload or an offline start is the same person right away), confirmed with the server; on
 * a first visit, the one the server gives. Until then nobody is "me" here and the board waits to
 * connect. The display name stays per browser. A projector takes no identity.
 */
export function useWorkshopIdentity(workshopId: string, role: Role, key: string): void {
  useEffect(() => {
    const { startSession, endSession, viewStage } = useStore.getState()
    const session = { workshopId, role, key }
    const device = loadIdentity()
    if (role === 'screen') {
      startSession(session, device, null)
      return () => {
        endSession()
        viewStage(null)
      }
    }
    const kept = loadServerIdentity(workshopId)
    startSession(session, kept ? as(device, kept) : null, kept ? kept.token : undefined)
    let timer: ReturnType<typeof setTimeout> | undefined
    let active = true
    const ask = async (attempt: number) => {
      const answer = await askOnce(workshopId, key, kept)
      if (!active) return
      const current = useStore.getState().participant ?? device
      if (answer.kind === 'ok') useStore.getState().setIdentity(as(current, answer.identity), answer.identity.token)
      else if (answer.kind === 'refused' && !kept) useStore.getState().setIdentity(null, null)
      else if (answer.kind === 'unreachable') timer = setTimeout(() => void ask(attempt + 1), RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)])
    }
    void ask(0)
    return () => {
      active = false
      clearTimeout(timer)
      endSession()
      viewStage(null)
    }
  }, [workshopId, role, key])
}

/**
 * One request per workshop at a time: React's StrictMode mounts twice, and two requests on a
 * first visit would make this browser two people, one of them remembered and the other used.
 */
const asking = new Map<string, Promise<IdentityAnswer>>()

function askOnce(workshopId: string, key: string, kept: ServerIdentity | null): Promise<IdentityAnswer> {
  let answer = asking.get(workshopId)
  if (!answer) {
    answer = requestServerIdentity(workshopId, key, kept).finally(() => asking.delete(workshopId))
    asking.set(workshopId, answer)
  }
  return answer
}

function as(device: ParticipantIdentity, identity: ServerIdentity): ParticipantIdentity {
  return { ...device, id: identity.participantId, color: colorForId(identity.participantId) }
}
