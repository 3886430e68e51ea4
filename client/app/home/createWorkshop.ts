/**
 * Creating a workshop: form values → validated body → `POST /api/workshops` → validated answer.
 * The body is checked with the same zod schema the server uses (shared/api.ts), so the person sees
 * a problem before anything is sent; the server checks again and names the field it rejects.
 */
import * as z from 'zod/mini'
import { createWorkshopBody, type CreateWorkshopBody, type WorkshopLinks } from '../../../shared/api.ts'
import { API_WORKSHOPS, ID_PATTERN, KEY_PATTERN } from '../../../shared/protocol.ts'

export const FORM_FIELDS = ['title', 'focalQuestion', 'horizonYear', 'template', 'language'] as const
export type FormField = (typeof FORM_FIELDS)[number]

export interface CreateFormValues {
  title: string
  focalQuestion: string
  /** As typed; empty means "not set". */
  horizonYear: string
  template: NonNullable<CreateWorkshopBody['template']>
  language: NonNullable<CreateWorkshopBody['language']>
}

/** i18n keys of the messages shown beside fields (`create.errors.*`). */
export type FieldErrors = Partial<Record<FormField, string>>

const isFormField = (value: unknown): value is FormField => FORM_FIELDS.includes(value as FormField)

/** The i18n key for a problem with `field`; `tooBig` picks the "too long" wording for text. */
export function errorKeyFor(field: FormField, tooBig = false): string {
  if (field === 'title') return tooBig ? 'create.errors.titleTooLong' : 'create.errors.titleRequired'
  return `create.errors.${field}`
}

export function toBody(values: CreateFormValues): unknown {
  const horizon = values.horizonYear.trim()
  return {
    title: values.title,
    ...(values.focalQuestion.trim() ? { focalQuestion: values.focalQuestion } : {}),
    ...(horizon ? { horizonYear: /^\d+$/.test(horizon) ? Number(horizon) : Number.NaN } : {}),
    template: values.template,
    language: values.language,
  }
}

export type Validation = { ok: true; body: CreateWorkshopBody } | { ok: false; errors: FieldErrors }

export function validate(values: CreateFormValues): Validation {
  const parsed = createWorkshopBody.safeParse(toBody(values))
  if (parsed.success) return { ok: true, body: parsed.data }
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0]
    if (isFormField(field) && !errors[field]) errors[field] = errorKeyFor(field, issue.code === 'too_big')
  }
  return { ok: false, errors }
}

const workshopLinksSchema = z.object({
  id: z.string().check(z.regex(ID_PATTERN)),
  keys: z.object({
    facilitator: z.string().check(z.regex(KEY_PATTERN)),
    participant: z.string().check(z.regex(KEY_PATTERN)),
    screen: z.string().check(z.regex(KEY_PATTERN)),
  }),
  links: z.object({ facilitator: z.url(), participant: z.url(), screen: z.url() }),
})

export type CreateResult =
  | { ok: true; workshop: WorkshopLinks }
  /** A field the server rejected: show `create.errors.<field>` beside it. */
  | { ok: false; kind: 'field'; field: FormField; errorKey: string }
  /** Anything else: `message` is the server's own words when it gave some. */
  | { ok: false; kind: 'network' | 'server'; message: string | null }

export async function createWorkshop(body: CreateWorkshopBody, fetchImpl: typeof fetch = fetch): Promise<CreateResult> {
  let response: Response
  try {
    response = await fetchImpl(API_WORKSHOPS, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    })
  } catch {
    return { ok: false, kind: 'network', message: null }
  }
  const payload: unknown = await response.json().catch(() => null)
  if (response.status === 201) {
    const parsed = workshopLinksSchema.safeParse(payload)
    return parsed.success ? { ok: true, workshop: parsed.data } : { ok: false, kind: 'server', message: null }
  }
  const { error, field } = (payload && typeof payload === 'object' ? payload : {}) as { error?: unknown; field?: unknown }
  if (response.status === 400 && isFormField(field)) {
    return { ok: false, kind: 'field', field, errorKey: errorKeyFor(field, typeof error === 'string' && /longer/.test(error)) }
  }
  return { ok: false, kind: 'server', message: typeof error === 'string' ? error.slice(0, 200) : null }
}
