/**
 * Building blocks shared by the record schemas. Every value read from a Yjs document, an import
 * file or a command's input passes through one of these, so limits live here once.
 */
import * as z from 'zod/mini'
import { ID_REGEX } from '../util/ids'
import { isOrderKey } from '../util/order'
import { safeHttpUrl } from '../util/url'

/** A record id (see `randomId`); URL-safe, so it never contains the `|` of composite keys. */
export const idSchema = z.string().check(z.regex(ID_REGEX, 'not an id'))

/** A fractional index key (see `shared/util/order.ts`). */
export const orderSchema = z.string().check(z.refine(isOrderKey, 'not an order key'))

/** Milliseconds since the epoch. */
export const timestampSchema = z.int().check(z.nonnegative())

/** Free user text, trimmed, up to `max` characters (may be empty). */
export function textSchema(max: number) {
  return z.string().check(z.trim(), z.maxLength(max))
}

/** User text that must say something. */
export function requiredTextSchema(max: number) {
  return z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(max))
}

/** A set of ids (authors, linked trends); stored as a Y.Map of keys so concurrent adds merge. */
export const idSetSchema = z.array(idSchema).check(z.maxLength(1000))

/** The longest link kept; the forms that take one check against the same number. */
export const URL_MAX = 2000

/** An absolute http(s) link or `''`, normalised; anything else fails (see `safeHttpUrl`). */
export const httpUrlOrEmptySchema = z.pipe(
  z.string().check(z.maxLength(URL_MAX)),
  z.transform((value: string, ctx) => {
    const safe = safeHttpUrl(value)
    if (safe === null) {
      ctx.issues.push({ code: 'custom', message: 'only http(s) links are allowed', input: value })
      return z.NEVER
    }
    return safe
  }),
)

/** A non-empty absolute http(s) link. */
export const httpUrlSchema = httpUrlOrEmptySchema.check(z.refine((value) => value !== '', 'required'))
