import { describe, expect, it } from 'vitest'
import { STAGE_DEFINITIONS } from '../../shared/method/stages.ts'
import { FOCUS_KINDS } from '../../shared/schema/session.ts'
import { STAGE_KINDS } from '../../shared/schema/stage.ts'
import { catalogues } from '../i18n/catalogues.ts'
import { STAGES } from './registry.ts'

const kinds = Object.keys(STAGES)

describe('the stage registry', () => {
  it('has one manifest per stage kind, in the method order, each under its own kind', () => {
    expect(kinds).toEqual([...STAGE_KINDS])
    for (const [kind, manifest] of Object.entries(STAGES)) expect(manifest.kind).toBe(kind)
  })

  it.each(kinds)('loads a working view and a projector view, two different components, for the %s stage', async (kind) => {
    const manifest = STAGES[kind as keyof typeof STAGES]
    const [stage, screen] = await Promise.all([manifest.load(), manifest.screen()])
    expect(typeof stage.default).toBe('function')
    expect(typeof screen.default).toBe('function')
    expect(screen.default).not.toBe(stage.default)
  })

  it.each(kinds)('names the %s stage and says what to do in English and Finnish', (kind) => {
    const { nameKey, instructionKey } = STAGE_DEFINITIONS[kind as keyof typeof STAGES]
    for (const catalogue of Object.values(catalogues)) {
      for (const key of [nameKey, instructionKey, `stage.${kind}.short`]) {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue)
        expect(typeof value, key).toBe('string')
      }
    }
  })

  it('opens the focus picker and shows focus only on kinds of item that exist', () => {
    for (const manifest of Object.values(STAGES)) {
      expect(FOCUS_KINDS).toContain(manifest.pickerFocus)
      if (manifest.ownFocus !== null) expect(FOCUS_KINDS).toContain(manifest.ownFocus)
    }
  })
})
