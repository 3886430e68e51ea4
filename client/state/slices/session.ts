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
  /** This person's identity in the workshop; the name may be empty until asked. Null until the server gave one. */
  participant: ParticipantIdentity | null
  /**
   * The server-signed token the board and the draft offer when they connect (see
   * identity/serverIdentity.ts): undefined while it is being asked for (they wait), null for none.
   */
  identityToken: string | null | undefined
  /**
   * The person gave their name on this page (the name dialog), rather than coming with one this
   * browser kept from another workshop: it says who they are here (see SamePersonDialog).
   */
  namedHere: boolean
  startSession(session: Session, participant: ParticipantIdentity | null, identityToken?: string | null): void
  endSession(): void
  /** `named`: by the person, in the name dialog (see `namedHere`). */
  setParticipant(participant: ParticipantIdentity, named?: boolean): void
  setIdentity(participant: ParticipantIdentity | null, identityToken: string | null): void
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  session: null,
  participant: null,
  identityToken: null,
  namedHere: false,
  startSession: (session, participant, identityToken = null) => set({ session, participant, identityToken, namedHere: false }),
  endSession: () => set({ session: null }),
  setParticipant: (participant, named = false) => set((s) => ({ participant, namedHere: s.namedHere || named })),
  setIdentity: (participant, identityToken) => set({ participant, identityToken }),
})
