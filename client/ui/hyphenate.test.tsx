// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, renderLoaded } from '../testing/render.ts'
import { useHyphenate, type Column } from './hyphenate.ts'

afterEach(cleanup)

function Title({ text, column }: { text: string; column?: Column }) {
  const hyphenate = useHyphenate()
  return <h3>{hyphenate(text, column)}</h3>
}

const SOFT = '\u00AD'

describe('hyphenation for the projector', () => {
  it('in Finnish, marks where a word longer than a narrow column may break, at syllables; others stay whole', async () => {
    const text = 'Yksinäisyysresepti terveyskeskuslääkäriltä: hoivakustannukset kotiin'
    const container = await renderLoaded(<Title text={text} />, (c) => c.textContent!.includes(SOFT), { language: 'fi' })
    const words = container.textContent!.split(' ')
    expect(words[1]!.split(SOFT)).toEqual(['ter', 'veys', 'kes', 'kus', 'lää', 'kä', 'riltä:'])
    // 17 letters fit any projector column: it goes to the next line whole rather than being split.
    expect(words[2]).toBe('hoivakustannukset')
    expect(words[3]).toBe('kotiin')
    // No break leaves one or two letters alone ("yh-" / "teisöasumiskokeilu").
    const community = await renderLoaded(<Title text="yhteisöasumiskokeilu" />, (c) => c.textContent!.includes(SOFT), { language: 'fi' })
    expect(community.textContent!.split(SOFT)[0]!.length).toBeGreaterThanOrEqual(3)
    expect(community.textContent!.split(SOFT).at(-1)!.length).toBeGreaterThanOrEqual(3)
    // Read as the same words: only invisible break points were added.
    expect(container.textContent!.replaceAll(SOFT, '')).toBe(text)
  })

  it('in English, marks where a word of 14 letters or more may break; shorter ones stay whole', async () => {
    await renderLoaded(<Title text="terveyskeskuslääkäriltä" />, (c) => c.textContent!.includes(SOFT), { language: 'fi' })
    cleanup()
    // "neighbourhood" has 13 letters, "neighbourhoods" 14.
    const text = 'Multigenerational houses for neighbourhood carers in neighbourhoods'
    const container = await renderLoaded(<Title text={text} />, (c) => c.textContent!.includes(SOFT), { language: 'en' })
    const words = container.textContent!.split(' ')
    expect(words[0]!.split(SOFT).length).toBeGreaterThan(2)
    expect(words[0]!.split(SOFT)[0]!.length).toBeGreaterThanOrEqual(3)
    expect(words.slice(1, 6)).toEqual(['houses', 'for', 'neighbourhood', 'carers', 'in'])
    expect(words[6]!.split(SOFT).length).toBeGreaterThan(1)
    expect(container.textContent!.replaceAll(SOFT, '')).toBe(text)
  })

  it('in the densest wall’s narrow columns, also marks Finnish words of 14–17 letters, which no longer fit a line there', async () => {
    // Seen on the projector's wall of 62 cards as "Asukasbudjetoi|nti", broken with no hyphen.
    const text = 'Asukasbudjetointi kasvaa kaupunginosissa'
    const narrow = await renderLoaded(<Title text={text} column="narrow" />, (c) => c.textContent!.includes(SOFT), { language: 'fi' })
    const words = narrow.textContent!.split(' ')
    expect(words[0]!.split(SOFT).length).toBeGreaterThan(1)
    expect(words[1]).toBe('kasvaa')
    expect(narrow.textContent!.replaceAll(SOFT, '')).toBe(text)
    cleanup()
    // In a wider column the same word goes whole to the next line, as before.
    const wide = await renderLoaded(<Title text={`${text} terveyskeskuslääkäriltä`} />, (c) => c.textContent!.includes(SOFT), { language: 'fi' })
    expect(wide.textContent!.split(' ')[0]).toBe('Asukasbudjetointi')
  })
  it('hyphenates a Finnish card in an English workshop by Finnish rules, and an English one in a Finnish workshop by English ones', async () => {
    // Seen on an English workshop's projector: "Perhevap-aauudistus", "Lastensuoje-luilmoitusten".
    const hyphenatedIn = async (text: string, workshop: 'fi' | 'en') => {
      const container = await renderLoaded(<Title text={text} column="narrow" />, (c) => c.textContent!.includes(SOFT), { language: workshop })
      const shown = container.textContent!
      cleanup()
      return shown
    }
    for (const text of ['Lastensuojeluilmoitusten määrä', 'Perhevapaauudistus']) {
      const asFinnish = await hyphenatedIn(text, 'fi')
      expect(asFinnish.split(' ')[0]!.split(SOFT).length).toBeGreaterThan(2)
      expect(await hyphenatedIn(text, 'en')).toBe(asFinnish)
    }
    const english = 'Multigenerational housing for the neighbourhood'
    expect(await hyphenatedIn(english, 'fi')).toBe(await hyphenatedIn(english, 'en'))
  })
})
