import { describe, expect, it } from 'vitest'
import { guessTextLanguage } from './textLanguage'

describe('guessTextLanguage', () => {
  it('reads the Finnish titles of the room test as Finnish', () => {
    for (const title of [
      'Lastensuojeluilmoitusten määrä kasvaa',
      'Perhevapaauudistus',
      'Ilmastopakolaisuus arjessa',
      'Hyvinvointialueiden hoivateknologia yleistyy',
      'Yksinäisyys on kansanterveysongelma',
      'Kirjastot lainaavat työkaluja',
    ])
      expect(guessTextLanguage(title), title).toBe('fi')
  })

  it('reads English titles as English', () => {
    for (const title of [
      'Libraries lend more than books',
      'Night buses run on demand',
      'Multigenerational housing in the neighbourhood',
      'Care robots help with lifting',
      'Four-day week trials',
    ])
      expect(guessTextLanguage(title), title).toBe('en')
  })

  it('says nothing of a text that could be either', () => {
    for (const title of ['', 'AI', 'Data', 'Helsinki 2040']) expect(guessTextLanguage(title), title).toBeNull()
  })
})
