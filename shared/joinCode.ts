/**
 * The short join code a projector shows ("K7F-3QX") and people type at `<host>/join`. It stands
 * for the participant link, which is too long to type: the server resolves one to the other.
 *
 * Six characters from an alphabet without look-alikes (no 0/O, 1/I/L, U/V): 29⁶ ≈ 6 × 10⁸
 * codes, so with wrong guesses limited per address (10 a minute by default) guessing a live code
 * takes years. Typed in any case, with or without the dash or spaces.
 */

/** Digits and capitals that cannot be mistaken for one another on a wall or a phone keyboard. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ'
export const JOIN_CODE_LENGTH = 6

const VALID = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`)

/**
 * The code as stored and compared: capitals, no separators. Returns null when what is left is
 * not a code (wrong length or a character outside the alphabet).
 *
 * @example
 * normaliseJoinCode(' k7f-3qx ') // 'K7F3QX'
 * normaliseJoinCode('K7F-3Q')    // null
 */
export function normaliseJoinCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-–—_.·]/g, '')
  return VALID.test(compact) ? compact : null
}

/** "K7F3QX" → "K7F-3QX": two groups of three read aloud and typed without losing one's place. */
export function formatJoinCode(code: string): string {
  const half = Math.ceil(code.length / 2)
  return `${code.slice(0, half)}-${code.slice(half)}`
}

/** A new code from `randomIndex(n)`, which returns a uniformly random integer in [0, n). */
export function makeJoinCode(randomIndex: (n: number) => number): string {
  let code = ''
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomIndex(JOIN_CODE_ALPHABET.length)]
  return code
}

/** Where people type the code (the projector prints `<host>` + this). */
export const JOIN_PATH = '/join'
/** The API that resolves a code: `POST {code}` → `{id, key}` (the participant key). */
export const API_JOIN = '/api/join'
