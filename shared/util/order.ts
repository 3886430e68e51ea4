/**
 * Order by fractional index keys, never by position in a `Y.Array`: two people moving the same card
 * in an array duplicate it, while two people writing the same `order` field simply converge on one
 * value. Equal keys (two clients appending at once) are broken by id, so every replica sorts alike.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'

/** Longest key we accept from the network; real keys stay far shorter. */
const MAX_KEY_LENGTH = 128

/** True for a key fractional-indexing can build on (a malformed key from a peer would throw later). */
export function isOrderKey(value: string): boolean {
  const known = validity.get(value)
  if (known !== undefined) return known
  const valid = checkOrderKey(value)
  // Every append scans the list's keys: remembering verdicts keeps that linear, not n × parse.
  if (validity.size >= VALIDITY_CACHE_SIZE) validity.clear()
  validity.set(value, valid)
  return valid
}

const VALIDITY_CACHE_SIZE = 50_000
const validity = new Map<string, boolean>()

function checkOrderKey(value: string): boolean {
  if (value.length === 0 || value.length > MAX_KEY_LENGTH) return false
  try {
    generateKeyBetween(value, null)
    return true
  } catch {
    return false
  }
}

/**
 * Compares two ordered things by key, then by a tie-breaker. Keys compare by code unit (not by
 * locale), which is the order fractional-indexing generates them in.
 */
export function compareOrder(aOrder: string, aTie: string, bOrder: string, bTie: string): number {
  if (aOrder !== bOrder) return aOrder < bOrder ? -1 : 1
  if (aTie !== bTie) return aTie < bTie ? -1 : 1
  return 0
}

/** Records with an `id` and an `order` key, sorted the same way on every replica. */
export function byOrderThenId<T extends { readonly id: string; readonly order: string }>(a: T, b: T): number {
  return compareOrder(a.order, a.id, b.order, b.id)
}

/** A key after every key given (append at the end). */
export function orderAfterAll(orders: Iterable<string>): string {
  let last: string | null = null
  for (const order of orders) if (last === null || order > last) last = order
  return generateKeyBetween(last, null)
}

/**
 * A key that sorts just before `sortedOrders[index]`, or at the end when `index` is past the end.
 *
 * When concurrent appends left equal keys, there is no room strictly between two equal
 * neighbours, so the new key goes before the whole run of equal keys: the closest order that
 * still exists.
 */
export function orderBefore(sortedOrders: readonly string[], index: number): string {
  const next = sortedOrders[index]
  if (next === undefined) return orderAfterAll(sortedOrders)
  let previous: string | null = null
  for (let i = index - 1; i >= 0; i--) {
    const candidate = sortedOrders[i]
    if (candidate !== undefined && candidate < next) {
      previous = candidate
      break
    }
  }
  return generateKeyBetween(previous, next)
}

/** `count` ascending keys for a fresh list (templates, imports), generated together so they stay short. */
export function initialOrders(count: number): string[] {
  return generateNKeysBetween(null, null, count)
}
