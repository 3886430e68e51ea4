/**
 * Edits of the theme list as pure functions. `setThemes` replaces the whole list, so each edit
 * turns the current themes into the full next list; an existing theme keeps its id (the signals
 * filed under it stay there), a new one goes in without an id.
 */
import { META_LIMITS, type Theme, type ThemeInput } from '../../../shared/schema/meta.ts'

const asInputs = (themes: readonly Theme[]): ThemeInput[] => themes.map(({ id, label }) => ({ id, label }))

/** Collapses inner whitespace: a label is a short tag, never several lines. */
export function cleanThemeLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim().slice(0, META_LIMITS.themeLabel)
}

/** The same label under another theme, compared the way people read tags (case-insensitively). */
export function isDuplicateLabel(themes: readonly Theme[], label: string, exceptId?: string): boolean {
  const wanted = cleanThemeLabel(label).toLocaleLowerCase()
  return themes.some((theme) => theme.id !== exceptId && theme.label.toLocaleLowerCase() === wanted)
}

/** Appends a theme; `null` when the label is empty or already there. */
export function addTheme(themes: readonly Theme[], label: string): ThemeInput[] | null {
  const clean = cleanThemeLabel(label)
  if (clean === '' || isDuplicateLabel(themes, clean)) return null
  return [...asInputs(themes), { label: clean }]
}

/** Renames one theme; `null` when the new label is empty or unchanged. */
export function renameTheme(themes: readonly Theme[], id: string, label: string): ThemeInput[] | null {
  const clean = cleanThemeLabel(label)
  const current = themes.find((theme) => theme.id === id)
  if (!current || clean === '' || clean === current.label) return null
  return asInputs(themes).map((theme) => (theme.id === id ? { id, label: clean } : theme))
}

export function removeTheme(themes: readonly Theme[], id: string): ThemeInput[] {
  return asInputs(themes).filter((theme) => theme.id !== id)
}

/** Moves a theme one place up (-1) or down (+1); `null` at either end. */
export function moveTheme(themes: readonly Theme[], id: string, step: -1 | 1): ThemeInput[] | null {
  const list = asInputs(themes)
  const from = list.findIndex((theme) => theme.id === id)
  const to = from + step
  if (from < 0 || to < 0 || to >= list.length) return null
  const [moved] = list.splice(from, 1)
  list.splice(to, 0, moved as ThemeInput)
  return list
}
