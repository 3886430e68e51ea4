import { describe, expect, it } from 'vitest'
import { extractFeatures } from './features'
import { detectLanguage, stem, tokenize, words } from './text'
import { DEFAULT_VOCABULARY } from './vocabulary/index'

describe('tokenising', () => {
  it('lower-cases, splits on punctuation and hyphens, and drops stop words and numbers', () => {
    expect(words('Neighbours share a care-app! (2024)')).toEqual(['neighbours', 'share', 'care', 'app'])
    expect(words('Vanhukset ja hoitajat: että on myös')).toEqual(['vanhukset', 'hoitajat'])
  })

  it('keeps Finnish letters whole and normalises composed and decomposed ä alike', () => {
    expect(words('Sähköpotkulaudat kaduilla')).toEqual(['sähköpotkulaudat', 'kaduilla'])
    expect(words('Sa\u0308hko\u0308')).toEqual(words('Sähkö'))
  })

  it('tells Finnish from English, and a mixed note by its grammar words', () => {
    expect(detectLanguage('Vanhusten kotihoito siirtyy etäyhteyksiin')).toBe('fi')
    expect(detectLanguage('Home care robots in every town')).toBe('en')
    expect(detectLanguage('Remote työ houkuttelee nuoria maakuntiin')).toBe('fi')
    expect(detectLanguage('xyz', 'fi')).toBe('fi')
  })
})

describe('stemming', () => {
  it('English: inflections meet', () => {
    expect(stem('caring', 'en')).toBe(stem('care', 'en'))
    expect(stem('neighbours', 'en')).toBe(stem('neighbour', 'en'))
    expect(stem('robots', 'en')).toBe('robot')
  })

  it('Finnish: case endings come off', () => {
    expect(stem('robotit', 'fi')).toBe('robot')
    expect(stem('koulutuksen', 'fi')).toBe(stem('koulutuksessa', 'fi'))
    expect(stem('hoitajat', 'fi')).toBe(stem('hoitajien', 'fi'))
  })

  it('tokenize stems in the note’s language', () => {
    const { language, tokens } = tokenize('Hoitajat väsyvät', 'auto')
    expect(language).toBe('fi')
    expect(tokens.map((t) => t.stem)).toEqual([stem('hoitajat', 'fi'), stem('väsyvät', 'fi')])
  })
})

describe('Finnish compounds', () => {
  it('"kotihoito" meets "hoito" when another note uses it alone', () => {
    const [compound, plain] = extractFeatures(
      [
        { id: 'a', title: 'Kotihoito digitalisoituu' },
        { id: 'b', title: 'Hoito etänä' },
      ],
      DEFAULT_VOCABULARY,
    )
    const shared = [...compound!.features.keys()].filter((key) => key.startsWith('w:') && plain!.features.has(key))
    expect(shared).toContain(`w:${stem('hoito', 'fi')}`)
  })

  it('a part nobody uses alone adds nothing', () => {
    const [only] = extractFeatures([{ id: 'a', title: 'Kotihoito' }], DEFAULT_VOCABULARY)
    expect([...only!.features.keys()].filter((key) => key.startsWith('w:'))).toEqual([`w:${stem('kotihoito', 'fi')}`])
  })
})

describe('the vocabulary', () => {
  const concepts = (...noteWords: string[]) => DEFAULT_VOCABULARY.match(noteWords).map((hit) => hit.concept.id)

  it('links Finnish and English words for one concept', () => {
    expect(concepts('hoiva')).toContain('care')
    expect(concepts('caring')).toContain('care')
    expect(concepts('vanhusten', 'kotihoito')).toEqual(expect.arrayContaining(['ageing', 'homecare', 'care']))
    expect(concepts('home', 'care', 'robots')).toEqual(expect.arrayContaining(['homecare', 'carerobot']))
  })

  it('finds a concept inside a Finnish compound, and phrases across words', () => {
    expect(concepts('hoitajapula')).toEqual(expect.arrayContaining(['careworker', 'staffshortage']))
    expect(concepts('climate', 'change')).toContain('climate')
    expect(DEFAULT_VOCABULARY.match(['remote', 'work']).find((hit) => hit.concept.id === 'remotework')?.words).toBe('remote')
  })

  it('does not read a ban ("kielto") as a language ("kieli")', () => {
    expect(concepts('kännykkäkielto')).not.toContain('multilingual')
  })

  it('holds a few hundred concepts across STEEP, each with both languages and a unique id', () => {
    const concepts = DEFAULT_VOCABULARY.concepts
    expect(concepts.length).toBeGreaterThanOrEqual(290)
    expect(new Set(concepts.map((concept) => concept.id)).size).toBe(concepts.length)
    for (const steep of ['social', 'technological', 'economic', 'environmental', 'political']) {
      expect(concepts.filter((concept) => concept.steep === steep).length, steep).toBeGreaterThanOrEqual(40)
    }
    for (const concept of concepts) {
      expect(
        concept.terms.some((t) => t.language === 'en'),
        concept.id,
      ).toBe(true)
      expect(
        concept.terms.some((t) => t.language === 'fi'),
        concept.id,
      ).toBe(true)
    }
  })

  it('is extended by a workshop’s own words', () => {
    const own = DEFAULT_VOCABULARY.extendedWith('kela, social insurance*')
    expect(own.match(['kela']).map((hit) => hit.concept.label.en)).toContain('kela')
    expect(own.match(['social', 'insurances']).map((hit) => hit.concept.label.en)).toContain('kela')
  })
})
