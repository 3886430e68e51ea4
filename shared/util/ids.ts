/**
 * Ids for records, workshops and drafts.
 *
 * 22 characters from the URL-safe base64 alphabet carry 132 bits: enough that two browsers
 * creating records offline never collide, short enough to sit in a Yjs key or a URL.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const ID_LENGTH = 22

/**
 * One character of an id or key, as a pattern source: the alphabet above. Every id pattern is
 * built from it, so ids never contain the `|` of composite keys and never drift apart.
 */
export const ID_CHAR = '[A-Za-z0-9_-]'

/** A generated id (exactly what `randomId` makes), unanchored, to build bigger patterns with. */
export const GENERATED_ID_SOURCE = `${ID_CHAR}{${ID_LENGTH}}`

/** Any id this app accepts: URL-safe characters only, so ids never contain the `|` of composite keys. */
export const ID_REGEX = new RegExp(`^${ID_CHAR}{1,64}$`)

/**
 * A fresh random id of 22 URL-safe characters (132 bits).
 *
 * Uses `globalThis.crypto.getRandomValues`, which exists in Node ≥ 19 and in every browser even on
 * plain http, unlike `crypto.randomUUID` (secure contexts only): workshops run on LAN addresses.
 *
 * @example
 * const id = randomId() // 'V1StGXR8_Z5jdHi6B-myTs'
 */
export function randomId(): string {
  const bytes = new Uint8Array(ID_LENGTH)
  globalThis.crypto.getRandomValues(bytes)
  let id = ''
  // 64 divides 256, so `byte & 63` is unbiased.
  for (const byte of bytes) id += ALPHABET[byte & 63]
  return id
}

/** Joins ids into the key of a record that is unique per pair (`trendId|signalId`). */
export function pairKey(first: string, second: string): string {
  return `${first}|${second}`
}

/** Sorted, duplicate-free copy: set-valued fields are compared and stored in this form. */
export function uniqueSorted<T extends string>(values: Iterable<T>): T[] {
  return [...new Set(values)].sort()
}
