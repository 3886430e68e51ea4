import * as z from 'zod/mini'
import { META_LIMITS } from './schema/meta'

/**
 * Bodies and answers of the REST API, validated with the same schemas on both sides: the home
 * page checks a form before sending it, the server checks it again because a browser is not
 * the only thing that can send a request.
 */

export const TEMPLATE_IDS = ['signals-to-stories', 'innosi-welfare', 'quick-signals'] as const

/**
 * The horizon year each template starts with: what an empty "Horizon year" becomes, so the form
 * shows it as its placeholder (here, not with the templates, for the home page's small chunk).
 */
export const TEMPLATE_HORIZON_YEARS: { readonly [I in (typeof TEMPLATE_IDS)[number]]: number } = {
  'signals-to-stories': 2040,
  // The InnoSI project's own horizon.
  'innosi-welfare': 2030,
  'quick-signals': 2040,
}
export const LANGUAGES = ['en', 'fi'] as const

export const TITLE_MAX = META_LIMITS.title
export const FOCAL_QUESTION_MAX = META_LIMITS.focalQuestion

export const createWorkshopBody = z.object({
  title: z
    .string({ error: 'title is required' })
    .check(z.trim(), z.minLength(1, 'title is required'), z.maxLength(TITLE_MAX, `title is longer than ${TITLE_MAX} characters`)),
  focalQuestion: z.optional(z.string().check(z.trim(), z.maxLength(FOCAL_QUESTION_MAX, `focalQuestion is longer than ${FOCAL_QUESTION_MAX} characters`))),
  horizonYear: z.optional(
    z
      .int('horizonYear must be a whole year')
      .check(z.minimum(2000, 'horizonYear must be 2000 or later'), z.maximum(2200, 'horizonYear must be 2200 or earlier')),
  ),
  template: z.optional(z.enum(TEMPLATE_IDS, { error: `template must be one of ${TEMPLATE_IDS.join(', ')}` })),
  language: z.optional(z.enum(LANGUAGES, { error: 'language must be "en" or "fi"' })),
})
export type CreateWorkshopBody = z.infer<typeof createWorkshopBody>

/** 400 answers name the field at fault, so a form can show the message beside it. */
export interface ApiError {
  error: string
  field?: string
}

export interface WorkshopLinks {
  id: string
  keys: { facilitator: string; participant: string; screen: string }
  links: { facilitator: string; participant: string; screen: string }
}

/** Turns a zod failure into the first problem, phrased for a person, with its field. */
export function firstIssue(error: z.core.$ZodError): ApiError {
  const issue = error.issues[0]
  const field = issue?.path.map(String).join('.') || undefined
  const message = issue?.message ?? 'invalid request'
  return field ? { error: message.startsWith(field) ? message : `${field}: ${message}`, field } : { error: message }
}

/** `GET /api/export/capabilities`: what this server can make, for the app's export menus. */
export interface ExportCapabilities {
  /** Whether `format=pdf` works here (Chromium is installed). */
  pdf: boolean
  /** The largest backup `POST /api/workshops/import` takes, in bytes. */
  maxImportBytes: number
}

/** Why `POST /api/workshops/import` refused a file; nothing was created. */
export interface ImportRefusal {
  error: string
  code: 'tooLarge' | 'notJson' | 'truncated' | 'notAnExport' | 'newerVersion' | 'invalid' | 'badDocument'
  /** For `tooLarge`: the limit in bytes. */
  limit?: number
}
