/**
 * Creating a workshop's control document, and the facilitator's edits of its meta and themes.
 */
import * as Y from 'yjs'
import {
  META_DEFAULTS,
  MetaPatchSchema,
  SESSION_DEFAULTS,
  StageSchema,
  ThemeInputSchema,
  type MetaPatch,
  type Stage,
  type ThemeInput,
} from '../../schema/index'
import type { Template } from '../../method/templates'
import { randomId } from '../../util/ids'
import { initialOrders } from '../../util/order'
import { insertEntry, nestedMap, writeFields } from '../codec'
import { command } from '../commands/command'
import { schemaVersionOf, writeSchemaVersion } from '../migrate'
import { SESSION_SET_FIELDS } from '../read'
import { META_THEMES_KEY, controlMeta, controlSession, controlStages } from '../roots'

/**
 * Writes a new workshop's first content: meta (template defaults under the given fields), the
 * template's stages, the session on the first stage, and the schema version. Every nested map is
 * created here, once, so later concurrent writes never race to create one. Returns `false` and
 * changes nothing when the document was already created.
 *
 * @example
 * createWorkshopControl(control, { title: 'Welfare 2040', focalQuestion: 'What will everyday welfare look like?' }, TEMPLATES['signals-to-stories'])
 */
export function createWorkshopControl(doc: Y.Doc, meta: MetaPatch, template: Template): boolean {
  const fields = MetaPatchSchema.parse(meta)
  return command(doc, () => {
    if (schemaVersionOf(doc, 'control') !== null) return false
    const language = fields.language ?? META_DEFAULTS.language
    const metaRoot = controlMeta(doc)
    writeFields(metaRoot, {
      ...META_DEFAULTS,
      themes: undefined,
      horizonYear: template.horizonYear,
      tone: template.tone,
      templateId: template.id,
      ...fields,
    })
    const themes = nestedMap(metaRoot, META_THEMES_KEY)
    const themeOrders = initialOrders(template.themes.length)
    template.themes.forEach((theme, i) => {
      const id = randomId()
      insertEntry(themes, id, { id, label: theme[language], order: themeOrders[i] })
    })

    const stageOrders = initialOrders(template.stages.length)
    const stages: Stage[] = template.stages.map((stage, i) =>
      StageSchema.parse({ id: randomId(), kind: stage.kind, order: stageOrders[i], skipped: false, settings: stage.settings }),
    )
    for (const stage of stages) insertEntry(controlStages(doc), stage.id, stage)

    const first = stages[0]
    writeFields(
      controlSession(doc),
      {
        ...SESSION_DEFAULTS,
        currentStageId: first?.id ?? null,
        timer: { ...SESSION_DEFAULTS.timer, stageId: first?.id ?? null, remainingMs: (first?.settings.timerSeconds ?? 0) * 1000 },
      },
      SESSION_SET_FIELDS,
    )
    writeSchemaVersion(doc, 'control')
    return true
  })
}

/** Writes meta fields (title, focal question, horizon, language, tone). */
export function updateMeta(doc: Y.Doc, patch: MetaPatch): void {
  const fields = MetaPatchSchema.parse(patch)
  command(doc, () => writeFields(controlMeta(doc), fields))
}

/**
 * Replaces the theme list. A theme that keeps its id keeps every signal filed under it; a
 * removed theme's signals read as "no theme" (nothing is deleted on the board).
 *
 * @example
 * setThemes(control, [{ id: existing.id, label: 'Older people' }, { label: 'Housing' }])
 */
export function setThemes(doc: Y.Doc, themes: readonly ThemeInput[]): string[] {
  const valid = themes.map((theme) => ThemeInputSchema.parse(theme))
  return command(doc, () => {
    const root = nestedMap(controlMeta(doc), META_THEMES_KEY)
    const ids = valid.map((theme) => theme.id ?? randomId())
    const keep = new Set(ids)
    for (const key of [...root.keys()]) if (!keep.has(key)) root.delete(key)
    const orders = initialOrders(ids.length)
    valid.forEach((theme, i) => {
      const id = ids[i] as string
      const values = { id, label: theme.label, order: orders[i] }
      const entry = root.get(id)
      if (entry instanceof Y.Map) writeFields(entry, values)
      else insertEntry(root, id, values)
    })
    return ids
  })
}
