import { describe, expect, it } from 'vitest'
import { CLUSTER_THRESHOLD, suggestClusters, words } from '../shared/cluster/index.ts'
import { evaluate, loadLabelled, subset } from './support/clusterQuality.ts'

/**
 * The clustering assistant's measured quality on the labelled set (tests/fixtures/
 * signals-labelled.json; `npm run cluster-quality` prints the full table). The threshold and
 * the weights were chosen on the development half; the held-out half is the honest figure.
 * The assistant is deterministic, so the floors sit just under today's figures (development
 * 0.53, held out 0.56, whole set 0.52): a change that makes the groups worse fails here.
 */
const signals = loadLabelled()

describe('clustering quality on the labelled set', () => {
  it('is a realistic set: 150+ signals, about half Finnish and half English, some mixed, in many groups', () => {
    expect(signals.length).toBeGreaterThanOrEqual(150)
    const count = (language: string) => signals.filter((s) => s.language === language).length
    expect(count('fi')).toBeGreaterThan(signals.length * 0.4)
    expect(count('en')).toBeGreaterThan(signals.length * 0.35)
    expect(count('mixed')).toBeGreaterThan(10)
    expect(new Set(signals.map((s) => s.group)).size).toBeGreaterThanOrEqual(15)
  })

  it(`reaches ARI ≥ 0.5 on the whole set and on the held-out half at the chosen threshold (${CLUSTER_THRESHOLD})`, () => {
    const whole = evaluate('assistant', subset(signals, 'all', 'all'))
    expect(whole.ari).toBeGreaterThanOrEqual(0.51)
    expect(whole.purity).toBeGreaterThanOrEqual(0.72)
    const heldOut = evaluate('assistant', subset(signals, 'test', 'all'))
    expect(heldOut.ari).toBeGreaterThanOrEqual(0.55)
    expect(heldOut.purity).toBeGreaterThanOrEqual(0.74)
  })

  it('stays above its floor on the development half', () => {
    expect(evaluate('assistant', subset(signals, 'dev', 'all')).ari).toBeGreaterThanOrEqual(0.52)
  })

  it('beats both baselines by a wide margin, in each language', () => {
    for (const language of ['all', 'en', 'fi'] as const) {
      const set = subset(signals, 'all', language)
      const assistant = evaluate('assistant', set).ari
      expect(assistant, language).toBeGreaterThan(evaluate('titleWord', set).ari + 0.2)
      expect(assistant, language).toBeGreaterThan(evaluate('random', set).ari + 0.2)
    }
  })

  it('names each suggested trend in one language: the board’s where it can, never half and half', () => {
    const onlyIn = (language: 'en' | 'fi') => {
      const used = (wanted: string) => new Set(signals.filter((s) => s.language === wanted).flatMap((s) => words(`${s.title} ${s.description ?? ''}`)))
      const other = used(language === 'en' ? 'fi' : 'en')
      return new Set([...used(language)].filter((word) => !other.has(word)))
    }
    const notes = signals.map(({ id, title, description }) => ({ id, title, description }))
    for (const [board, and, foreign] of [
      ['en', ' and ', onlyIn('fi')],
      ['fi', ' ja ', onlyIn('en')],
    ] as const) {
      const labels = suggestClusters(notes, { labelLanguage: board }).clusters.map((c) => c.label)
      // Joined with the board's "and", no word of the name is one only the other language's notes use.
      const mixed = labels.filter((label) => label.includes(and) && words(label).some((word) => foreign.has(word)))
      expect(mixed, `${board} board`).toEqual([])
      // Most names join two keywords with the board's "and"; a group with no word in the board's
      // language is named in its own, with its own "and".
      expect(labels.filter((label) => label.includes(and)).length, `${board} board`).toBeGreaterThan(labels.length / 2)
    }
  })

  it('links notes across languages, which shared words alone cannot', () => {
    const all = subset(signals, 'all', 'all')
    expect(evaluate('assistant', all).crossLanguage).toBeGreaterThan(0.25)
    expect(evaluate('titleWord', all).crossLanguage).toBeLessThan(0.1)
  })
})
