import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createWorkshopControl, readControl, setThemes } from '../../../shared/doc/index.ts'
import { TEMPLATES } from '../../../shared/method/templates.ts'
import type { Theme } from '../../../shared/schema/meta.ts'
import { addTheme, cleanThemeLabel, isDuplicateLabel, moveTheme, removeTheme, renameTheme } from './themeList.ts'

const themes: Theme[] = [
  { id: 'children-0000000000001', label: 'Children and parents', order: 'a0' },
  { id: 'older-000000000000001', label: 'Older people', order: 'a1' },
  { id: 'work-0000000000000001', label: 'Working life', order: 'a2' },
]

describe('theme list edits', () => {
  it('adds at the end, keeping every existing id; refuses blanks and duplicates', () => {
    expect(addTheme(themes, '  Climate   and environment ')).toEqual([
      { id: themes[0]!.id, label: 'Children and parents' },
      { id: themes[1]!.id, label: 'Older people' },
      { id: themes[2]!.id, label: 'Working life' },
      { label: 'Climate and environment' },
    ])
    expect(addTheme(themes, '   ')).toBeNull()
    expect(addTheme(themes, 'older PEOPLE')).toBeNull()
  })

  it('renames in place; an unchanged or empty label is no edit', () => {
    expect(renameTheme(themes, themes[1]!.id, 'Ageing')?.[1]).toEqual({ id: themes[1]!.id, label: 'Ageing' })
    expect(renameTheme(themes, themes[1]!.id, ' Older people ')).toBeNull()
    expect(renameTheme(themes, themes[1]!.id, '')).toBeNull()
    expect(isDuplicateLabel(themes, 'older people', themes[1]!.id)).toBe(false)
    expect(isDuplicateLabel(themes, 'older people', themes[0]!.id)).toBe(true)
  })

  it('moves one place at a time and stops at the ends', () => {
    expect(moveTheme(themes, themes[2]!.id, -1)?.map((t) => t.label)).toEqual(['Children and parents', 'Working life', 'Older people'])
    expect(moveTheme(themes, themes[0]!.id, -1)).toBeNull()
    expect(moveTheme(themes, themes[2]!.id, 1)).toBeNull()
  })

  it('removes one theme', () => {
    expect(removeTheme(themes, themes[0]!.id).map((t) => t.id)).toEqual([themes[1]!.id, themes[2]!.id])
  })

  it('cuts labels to what the schema stores', () => {
    expect(cleanThemeLabel('x'.repeat(80))).toHaveLength(60)
  })

  it('round-trips through setThemes: order follows the list, ids survive', () => {
    const control = new Y.Doc()
    createWorkshopControl(control, {}, TEMPLATES['innosi-welfare'])
    const before = readControl(control).meta.themes
    setThemes(control, moveTheme(before, before[3]!.id, -1)!)
    const after = readControl(control).meta.themes
    expect(after.map((t) => t.label)).toEqual(['Children and parents', 'Older people', 'Immigration', 'Economy and working life'])
    expect(after.map((t) => t.id).sort()).toEqual(before.map((t) => t.id).sort())
  })
})
