import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal } from '../doc/commands/signals'
import { initDraft, revealDrafts } from '../doc/drafts'
import { readBoard, readDraft } from '../doc/read'
import { anna, ben, newBoard } from '../doc/testing/fixtures'
import { mulberry32 } from '../doc/testing/prng'
import { adjustedRandIndex, findSimilar, similarityPool, suggestClusters } from './index'

const NOTES = [
  { id: 'n1', title: 'Home care robots', description: 'robots help nurses in elderly homes' },
  { id: 'n2', title: 'Hoivarobotti palvelutalossa', description: 'robotti auttaa hoitajia' },
  { id: 'n3', title: 'Care robots for dementia' },
  { id: 'n4', title: 'Etätyö mökiltä yleistyy', description: 'valokuitu mökille' },
  { id: 'n5', title: 'Remote work from summer cottages' },
  { id: 'n6', title: 'Hybrid work is the new normal' },
  { id: 'n7', title: 'Kasvisruokapäivä kouluissa' },
]

describe('suggestClusters', () => {
  it('groups notes across languages and explains each group', () => {
    const { clusters, unclustered } = suggestClusters(NOTES)
    const groups = clusters.map((c) => [...c.ids].sort())
    expect(groups).toContainEqual(['n1', 'n2', 'n3'])
    expect(groups).toContainEqual(['n4', 'n5', 'n6'])
    expect(unclustered).toEqual(['n7'])
    const care = clusters.find((c) => c.ids.includes('n1'))!
    expect(care.keywords.length).toBeGreaterThan(0)
    expect(care.label).not.toBe('')
    expect(care.links.some((link) => link.includes('≈'))).toBe(true)
  })

  it('is deterministic: the same notes give the same answer, in any order', () => {
    const first = suggestClusters(NOTES)
    expect(suggestClusters(NOTES)).toEqual(first)
    const random = mulberry32(7)
    for (let run = 0; run < 5; run++) {
      const shuffled = [...NOTES].sort(() => random() - 0.5)
      const again = suggestClusters(shuffled)
      const sets = (s: typeof first) => s.clusters.map((c) => ({ label: c.label, keywords: c.keywords, ids: [...c.ids].sort() }))
      expect(sets(again)).toEqual(sets(first))
    }
  })

  it('names each link between words once, though two concepts make it', () => {
    const notes = [
      { id: 'a', title: 'Care homes hire robots before nurses' },
      { id: 'b', title: 'Hiring care workers from abroad gets harder' },
      { id: 'c', title: 'Municipalities hire care workers on gig platforms' },
      { id: 'd', title: 'Towns hiring young people for summer jobs' },
      { id: 'e', title: 'Firms hire for skills not degrees' },
    ]
    const [group] = suggestClusters(notes).clusters
    expect(group?.links).toContain('hire ≈ hiring')
    expect(new Set(group!.links).size).toBe(group!.links.length)
  })

  it('answers an empty or a one-note wall without groups', () => {
    expect(suggestClusters([])).toEqual({ clusters: [], unclustered: [] })
    expect(suggestClusters([NOTES[0]!])).toEqual({ clusters: [], unclustered: ['n1'] })
  })

  it('uses a workshop’s own words', () => {
    const notes = [
      { id: 'a', title: 'A new coefficient in state funding' },
      { id: 'b', title: 'Hyte-kerroin kiinnostaa kuntia' },
    ]
    expect(suggestClusters(notes).clusters).toEqual([])
    expect(suggestClusters(notes, { ownWords: 'hyte, kerroin*, coefficient*' }).clusters[0]?.ids).toEqual(['a', 'b'])
  })
})

describe('findSimilar', () => {
  it('finds the card on the wall a writer is about to repeat, in the other language, and says why', () => {
    const wall = [
      { id: 'w1', title: 'Naapurit jakavat hoivasovelluksen', description: 'naapuriapu vanhuksille' },
      { id: 'w2', title: 'Etätyö yleistyy' },
    ]
    const [hit, ...rest] = findSimilar({ title: 'Neighbours share a care app' }, wall)
    expect(hit?.id).toBe('w1')
    expect(rest).toEqual([])
    expect(hit!.links.join(' ')).toMatch(/≈/)
  })

  it('does not read "keep people company" as business: a shared word, not a shared topic', () => {
    const wall = [{ id: 'w1', title: 'Startups sell care robots to families' }]
    const [hit] = findSimilar({ title: 'Robots keep older people company' }, wall)
    expect(hit).toBeDefined()
    expect(hit!.keywords).not.toContain('business')
    expect(hit!.links).toEqual([])
  })

  it('stays quiet for a short or unrelated draft', () => {
    expect(findSimilar({ title: 'ab' }, NOTES)).toEqual([])
    expect(findSimilar({ title: 'Quantum satellites' }, NOTES)).toEqual([])
  })
})

describe('the private-round rule, on real documents', () => {
  function draftOf(owner: { participantId: string }, name: string, titles: string[]): Y.Doc {
    const draft = new Y.Doc()
    initDraft(draft, { participantId: owner.participantId, name })
    for (const title of titles) addSignal(draft, { title }, owner)
    return draft
  }

  it('never compares a writer with another person’s private card, until it is revealed', () => {
    const board = newBoard()
    addSignal(board, { title: 'Remote work from villages' }, ben)
    const annasDraft = draftOf(anna, 'Anna', ['Etätyö mökiltä'])
    const bensDraft = draftOf(ben, 'Ben', ['Neighbours share a care app'])
    const bensCard = [...readDraft(bensDraft).signals.keys()][0]!
    const writing = { title: 'Neighbours share a care app' } // word for word what Ben wrote privately

    const annasPool = similarityPool(readBoard(board).signals.values(), readDraft(annasDraft).signals.values())
    expect(annasPool.map((note) => note.id)).not.toContain(bensCard)
    expect(findSimilar(writing, annasPool).map((hit) => hit.id)).not.toContain(bensCard)
    // Anna's own private card and the wall are compared.
    expect(findSimilar({ title: 'Etätyö maalla, remote work' }, annasPool).length).toBeGreaterThan(0)

    // The check can fail: once Ben's card is on the wall, Anna is told about it.
    revealDrafts(board, [bensDraft])
    const after = similarityPool(readBoard(board).signals.values(), readDraft(annasDraft).signals.values())
    expect(findSimilar(writing, after).map((hit) => hit.id)).toContain(bensCard)
  })
})

describe('adjustedRandIndex', () => {
  it('is 1 for identical groupings (whatever the names), about 0 for unrelated ones', () => {
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y'])).toBe(1)
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'y', 'x', 'y'])).toBeLessThan(0)
  })
})
