/**
 * The signal card form as pure logic: what the fields hold, how a source link is checked and
 * normalised, and what a save writes. The same rules as `SignalInputSchema`, checked before the
 * command so the person sees a sentence beside the field instead of a thrown error.
 */
import { safeHttpUrl } from '../../../shared/util/url.ts'
import { SIGNAL_LIMITS, type SignalPatch, type SteepCategory } from '../../../shared/schema/signal.ts'

export const LIMITS = SIGNAL_LIMITS

export interface SignalFormValues {
  title: string
  description: string
  sourceUrl: string
  themeId: string
  category: SteepCategory
  whyItMatters: string
}

export const EMPTY_SIGNAL_FORM: SignalFormValues = {
  title: '',
  description: '',
  sourceUrl: '',
  themeId: '',
  category: '',
  whyItMatters: '',
}

/**
 * Error codes; the form turns each into a sentence (`signals.errors.<code>`), but for a text over
 * its limit: its counter says that, with how far over it is (`LengthCounter`).
 */
export type SourceError = 'sourceScheme' | 'sourceInvalid' | 'sourceTooLong'
export type SignalFormError = 'titleRequired' | 'titleTooLong' | 'descriptionTooLong' | 'whyTooLong' | SourceError

export type SignalFormErrors = Partial<Record<keyof SignalFormValues, SignalFormError>>

/** "mailto:", "javascript:", "ftp:"… but not "yle.fi/…" or "www.kunta.fi:8080". */
const SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i
/** A bare address people paste from a phone's address bar: "yle.fi/uutiset/…", "www.thl.fi". */
const BARE_DOMAIN = /^[^\s/@:]+\.[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i

/**
 * A source link as it will be stored: `''` for none, an absolute http(s) URL, or an error.
 * A bare domain gets `https://` in front, since that is what people mean by "yle.fi/…".
 *
 * @example
 * normaliseSourceUrl('yle.fi/a')           // { url: 'https://yle.fi/a' }
 * normaliseSourceUrl('javascript:alert(1)') // { error: 'sourceScheme' }
 */
export function normaliseSourceUrl(text: string): { url: string } | { error: SourceError } {
  const trimmed = text.trim()
  if (trimmed === '') return { url: '' }
  if (trimmed.length > LIMITS.sourceUrl) return { error: 'sourceTooLong' }
  const direct = safeHttpUrl(trimmed)
  if (direct) return { url: direct }
  if (SCHEME.test(trimmed)) return { error: /^https?:/i.test(trimmed) ? 'sourceInvalid' : 'sourceScheme' }
  if (BARE_DOMAIN.test(trimmed)) {
    const withScheme = safeHttpUrl(`https://${trimmed}`)
    if (withScheme) return { url: withScheme }
  }
  return { error: 'sourceInvalid' }
}

export type ValidatedSignal = { ok: true; input: SignalFormValues } | { ok: false; errors: SignalFormErrors }

/** Checks the whole form; on success gives the trimmed, normalised input for `addSignal`. */
export function validateSignalForm(values: SignalFormValues): ValidatedSignal {
  const errors: SignalFormErrors = {}
  const title = values.title.trim()
  if (title === '') errors.title = 'titleRequired'
  else if (title.length > LIMITS.title) errors.title = 'titleTooLong'
  if (values.description.trim().length > LIMITS.description) errors.description = 'descriptionTooLong'
  if (values.whyItMatters.trim().length > LIMITS.whyItMatters) errors.whyItMatters = 'whyTooLong'
  const source = normaliseSourceUrl(values.sourceUrl)
  if ('error' in source) errors.sourceUrl = source.error
  if (Object.keys(errors).length > 0 || 'error' in source) return { ok: false, errors }
  return {
    ok: true,
    input: {
      title,
      description: values.description.trim(),
      sourceUrl: source.url,
      themeId: values.themeId,
      category: values.category,
      whyItMatters: values.whyItMatters.trim(),
    },
  }
}

/** The form as it opens for editing an existing card (or anything holding a card's fields). */
export function formValuesOf(signal: SignalFormValues): SignalFormValues {
  const { title, description, sourceUrl, themeId, category, whyItMatters } = signal
  return { title, description, sourceUrl, themeId, category, whyItMatters }
}

/**
 * Only the fields this person changed since opening the editor: a save must not overwrite a
 * field someone else edited meanwhile (each field merges on its own in the document).
 */
export function changedFields(opened: SignalFormValues, saved: SignalFormValues): SignalPatch {
  const patch: Record<string, string> = {}
  for (const key of Object.keys(saved) as (keyof SignalFormValues)[]) {
    if (saved[key] !== opened[key]) patch[key] = saved[key]
  }
  return patch as SignalPatch
}
