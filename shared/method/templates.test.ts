import { describe, expect, it } from 'vitest'
import { STAGE_KINDS, StageSettingsSchema } from '../schema/stage'
import { STAGE_DEFINITIONS } from './stages'
import { TEMPLATES, TEMPLATE_IDS, getTemplate } from './templates'

describe('method data', () => {
  it('ships the three templates of the method', () => {
    // The full template is every stage, in the method's order: a new stage kind is in it at once.
    expect(TEMPLATES['signals-to-stories'].stages.map((s) => s.kind)).toEqual([...STAGE_KINDS])
    expect(TEMPLATES['signals-to-stories'].themes).toEqual([])
    expect(TEMPLATES['innosi-welfare']).toMatchObject({ horizonYear: 2030, tone: 'positive' })
    expect(TEMPLATES['innosi-welfare'].themes.map((t) => t.en)).toEqual(['Children and parents', 'Older people', 'Economy and working life', 'Immigration'])
    expect(TEMPLATES['quick-signals'].stages.map((s) => s.kind)).toEqual(['frame', 'signals', 'trends', 'takeaways'])
    expect(getTemplate('unknown').id).toBe('signals-to-stories')
  })

  it('keeps time boxes short and valid, and fits the quick session into its hour', () => {
    for (const id of TEMPLATE_IDS) {
      for (const stage of TEMPLATES[id].stages) {
        expect(StageSettingsSchema.parse(stage.settings)).toEqual(stage.settings)
        expect(stage.settings.timerSeconds).toBeGreaterThanOrEqual(5 * 60)
        expect(stage.settings.timerSeconds).toBeLessThanOrEqual(10 * 60)
      }
    }
    const quick = TEMPLATES['quick-signals']
    expect(quick.stages.reduce((sum, s) => sum + s.settings.timerSeconds, 0)).toBeLessThanOrEqual(quick.durationMinutes * 60)
    expect(STAGE_DEFINITIONS.signals.nameKey).toBe('stage.signals.name')
  })
})
