import { describe, expect, it } from 'vitest'
import { storyName } from './storyName'

const words = { untitled: 'Untitled story', ofPersona: (name: string) => `${name}’s day` }

describe('what a story is called', () => {
  it('is its title; without one, its persona’s day; without a persona’s name, untitled', () => {
    expect(storyName('A Tuesday in 2040', 'Aino', words)).toBe('A Tuesday in 2040')
    expect(storyName('  ', ' Aino ', words)).toBe('Aino’s day')
    expect(storyName('', '', words)).toBe('Untitled story')
    expect(storyName('', undefined, words)).toBe('Untitled story')
  })
})
