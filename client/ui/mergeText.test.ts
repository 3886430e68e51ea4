import { describe, expect, it } from 'vitest'
import { mergeText } from './mergeText.ts'

const base = 'Care moves home. Families carry more.'

describe('mergeText', () => {
  it('keeps both when each added a sentence in a different place, and puts the caret back where it was', () => {
    const mine = 'Care moves home. Families carry more. Robots help at night.'
    const theirs = 'Loneliness grows. Care moves home. Families carry more.'
    const merged = mergeText(base, mine, theirs)
    expect(merged.text).toBe('Loneliness grows. Care moves home. Families carry more. Robots help at night.')
    // Typing at the end of "night.": still there, after their sentence moved it along.
    expect(merged.text.slice(0, merged.caret(mine.length))).toBe(merged.text)
    const beforeFamilies = mine.indexOf('Families')
    expect(merged.text.slice(merged.caret(beforeFamilies))).toMatch(/^Families/)
  })

  it('keeps both when both added at the same place: theirs first', () => {
    const merged = mergeText(base, `${base} Mine.`, `${base} Theirs.`)
    expect(merged.text).toBe(`${base} Theirs. Mine.`)
    expect(merged.caret(`${base} Mine.`.length)).toBe(merged.text.length)
  })

  it('keeps going on with my own word where my last save ended it: a pause mid-word, their sentence saved after it', () => {
    // My pause saved "Libr" over the base; theirs went in after it; I typed on.
    const saved = `${base} Libr`
    const mine = `${saved}aries lend more than books.`
    const theirs = `${saved} Neighbours lend their tools.`
    const merged = mergeText(saved, mine, theirs, base)
    expect(merged.text).toBe(`${base} Libraries lend more than books. Neighbours lend their tools.`)
    // Still typing at the end of my sentence: the caret stays there.
    expect(merged.text.slice(0, merged.caret(mine.length))).toBe(`${base} Libraries lend more than books.`)
    // Not knowing my save (or where it was not mine that ended there), theirs first as before.
    expect(mergeText(saved, mine, theirs).text).toBe(`${saved} Neighbours lend their tools. aries lend more than books.`)
    expect(mergeText(saved, mine, theirs, saved).text).toBe(`${saved} Neighbours lend their tools. aries lend more than books.`)
  })

  it('applies a word added next to words they rewrote', () => {
    expect(mergeText(base, 'Care moves home quickly. Families carry more.', 'Care moves to homes. Families carry more.').text).toBe(
      'Care moves to homes quickly. Families carry more.',
    )
  })

  it('keeps their rewrite and adds mine after it as a paragraph when mine was inside the words they rewrote', () => {
    const mine = 'Care moves quickly home. Families carry more.'
    const theirs = 'Care goes to the village. Families carry more.'
    const merged = mergeText(base, mine, theirs)
    expect(merged.text).toBe(`${theirs}\n\nquickly`)
    expect(merged.caret(18)).toBe(merged.text.length)
  })

  it('is mine or theirs alone when only one of them changed it, or both made the same change', () => {
    expect(mergeText(base, 'Mine', base).text).toBe('Mine')
    expect(mergeText(base, base, 'Theirs').text).toBe('Theirs')
    expect(mergeText(base, 'Same', 'Same').text).toBe('Same')
    const typedAtOnce = mergeText('', 'Mine.', 'Theirs.')
    expect(typedAtOnce.text).toBe('Theirs. Mine.')
    expect(typedAtOnce.caret('Mine.'.length)).toBe(typedAtOnce.text.length)
  })

  it('keeps their words where mine deleted what they rewrote', () => {
    const mine = 'Families carry more.'
    const theirs = 'Care moves to every home. Families carry more.'
    expect(mergeText(base, mine, theirs).text).toBe(theirs)
  })
})
