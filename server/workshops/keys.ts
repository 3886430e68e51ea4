import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Role } from '../../shared/protocol.ts'

/** 16 random bytes → 22 URL-safe characters (128 bits; the alphabet encodes 132). */
export function newWorkshopId(): string {
  return randomBytes(16).toString('base64url')
}

/** 24 random bytes → 32 URL-safe characters (192 bits). */
export function newFacilitatorKey(): string {
  return randomBytes(24).toString('base64url')
}

/**
 * The participant and screen keys are derived from the facilitator key. The server stores only
 * hashes, so this is how a facilitator who opens their link again gets the other links back.
 */
export function deriveKeys(workshopId: string, facilitatorKey: string, participantGeneration = 0): Record<Role, string> {
  // Rotating the participant key (it is on the wall) moves it to the next generation.
  const label = (role: Role) =>
    role === 'participant' && participantGeneration > 0 ? `${role}:${workshopId}:${participantGeneration}` : `${role}:${workshopId}`
  const derive = (role: Role) => createHmac('sha256', facilitatorKey).update(label(role)).digest().subarray(0, 24).toString('base64url')
  return { facilitator: facilitatorKey, participant: derive('participant'), screen: derive('screen') }
}

/** Keys carry ≥128 bits of randomness, so a fast hash is enough: there is nothing to brute-force. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && timingSafeEqual(left, right)
}
