/** Session slice: who I am in which workshop. Set when a workshop page opens, cleared when it closes. */
import type { StateCreator } from 'zustand'
import type { Role } from '../../../shared/protocol.ts'
import type { ParticipantIdentity } from '../../identity/participant.ts'
import type { AppState } from '../store.ts'

export interface Session {
  workshopId: string
  role: Role
  /** The access key for this role. Only the sync layer sends it anywhere (see app/keys.ts). */
  key: string
}

export interface SessionSlice {
  session: Session | null
  /** This device's identity; the name may be empty until asked. */
  participant: ParticipantIdentity | null
  startSession(session: Session, participant: ParticipantIdentity): void
  endSession(): void
  setParticipant(participant: ParticipantIdentity): void
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  session: null,
  participant: null,
  startSession: (session, participant) => set({ session, participant }),
  endSession: () => set({ session: null }),
  setParticipant: (participant) => set({ participant }),
})
