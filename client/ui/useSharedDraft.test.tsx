// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, useState } from 'react'
import { cleanup, render } from '../testing/render.ts'
import { mergeText } from './mergeText.ts'
import { SHARE_AFTER_MS, useSharedDraft, type SaveLineage } from './useSharedDraft.ts'

type Draft = ReturnType<typeof useSharedDraft<string>>
let field: Draft
let setRemote: (value: string) => void

/** A field over a value in a shared document; `commit` writes it (or refuses what `accept` refuses). */
function Field({
  initial,
  commit,
  kept,
  merge,
  lineage,
}: {
  initial: string
  commit: (value: string) => boolean
  kept: { value: string } | null
  merge?: Merge
  lineage?: SaveLineage
}) {
  const [remote, set] = useState(initial)
  setRemote = set
  field = useSharedDraft(remote, (value) => commit(value) && (set(value.trim()), true), { kept, merge, lineage })
  return <p>{field.value}</p>
}

type Merge = (base: string, mine: string, theirs: string) => string

function sharedValue(
  initial: string,
  accept: (value: string) => boolean = () => true,
  kept: { value: string } | null = null,
  merge?: Merge,
  lineage?: SaveLineage,
) {
  const saved: string[] = []
  const commit = (value: string) => {
    if (!accept(value)) return false
    saved.push(value)
    return true
  }
  const container = render(<Field initial={initial} commit={commit} kept={kept} merge={merge} lineage={lineage} />)
  return { saved, shown: () => container.textContent }
}

beforeEach(() => void vi.useFakeTimers())
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('a field over a shared value', () => {
  it('shares the text once typing pauses, not per keystroke, and keeps showing what was typed', () => {
    const value = sharedValue('')
    act(() => field.change('Care'))
    act(() => field.change('Care '))
    act(() => vi.advanceTimersByTime(SHARE_AFTER_MS - 1))
    expect(value.saved).toEqual([])
    act(() => field.change('Care at home'))
    act(() => vi.advanceTimersByTime(SHARE_AFTER_MS))
    expect(value.saved).toEqual(['Care at home'])
    // The trailing space a trimming save drops is not eaten while typing.
    act(() => field.change('Care at home '))
    expect(value.shown()).toBe('Care at home ')
  })

  it('saves at once on blur, then shows the shared value; an untouched or already saved field writes nothing', () => {
    const value = sharedValue('Old name')
    act(() => field.finish())
    expect(value.saved).toEqual([])
    act(() => field.change('New name '))
    act(() => field.finish())
    expect(value.saved).toEqual(['New name '])
    expect(value.shown()).toBe('New name')
    // Saved by the pause already: blurring after it writes nothing more.
    act(() => field.change('Newer name'))
    act(() => vi.advanceTimersByTime(SHARE_AFTER_MS))
    act(() => field.finish())
    expect(value.saved).toEqual(['New name ', 'Newer name'])
  })

  it('does not yank the text from under the cursor when someone else changes the value', () => {
    const value = sharedValue('Ageing')
    act(() => field.change('Ageing at home'))
    act(() => setRemote('Ageing in place'))
    expect(value.shown()).toBe('Ageing at home')
    act(() => field.finish())
    expect(value.saved).toEqual(['Ageing at home'])
    expect(value.shown()).toBe('Ageing at home')
    // Not editing: the field follows the document.
    act(() => setRemote('Ageing in place'))
    expect(value.shown()).toBe('Ageing in place')
  })

  it('keeps a refused value for the person to fix, and saves the fixed one', () => {
    const value = sharedValue('', (text) => /^\d+$/.test(text))
    act(() => field.change('3OO'))
    act(() => field.finish())
    expect(field.invalid).toBe(true)
    expect(value.shown()).toBe('3OO')
    act(() => field.change('30'))
    act(() => field.finish())
    expect(field.invalid).toBe(false)
    expect(value.saved).toEqual(['30'])
  })

  it('saves the last keystrokes when the field goes away mid-word', () => {
    const value = sharedValue('')
    act(() => field.change('Neighbours sh'))
    cleanup()
    expect(value.saved).toEqual(['Neighbours sh'])
    act(() => vi.advanceTimersByTime(SHARE_AFTER_MS))
    expect(value.saved).toEqual(['Neighbours sh'])
  })

  it('says when the value changed elsewhere while this person types, never for their own save (trimmed or not), and lets them take it', () => {
    sharedValue('Old name')
    act(() => field.change('Care comes home '))
    expect(field.elsewhere).toBeNull()
    // Their own save, trimmed by the store: the shared value is theirs, not someone else's.
    act(() => vi.advanceTimersByTime(SHARE_AFTER_MS))
    act(() => field.change('Care comes home, slowly'))
    expect(field.elsewhere).toBeNull()
    act(() => vi.advanceTimersByTime(SHARE_AFTER_MS))
    // Someone else renames it: said, and the field still shows what this person typed.
    act(() => setRemote('Home care'))
    expect(field.elsewhere).toEqual({ value: 'Home care' })
    expect(field.value).toBe('Care comes home, slowly')
    act(() => field.discard())
    expect(field.value).toBe('Home care')
    expect(field.elsewhere).toBeNull()
  })

  it('while the other name shows, the pause does not save over it: finishing does, and then the field is theirs again', () => {
    const value = sharedValue('Old name')
    act(() => field.change('Care'))
    act(() => setRemote('Home care'))
    expect(field.elsewhere).toEqual({ value: 'Home care' })
    act(() => field.change('Care comes home'))
    act(() => vi.advanceTimersByTime(SHARE_AFTER_MS))
    expect(value.saved).toEqual([])
    expect(field.elsewhere).toEqual({ value: 'Home care' })
    act(() => field.finish())
    expect(value.saved).toEqual(['Care comes home'])
    expect(field.elsewhere).toBeNull()
    expect(value.shown()).toBe('Care comes home')
  })

  it('a save the store keeps unchanged (a trailing space trimmed away) still lets the next change elsewhere show', () => {
    const value = sharedValue('Old name')
    act(() => field.change('Care comes home'))
    act(() => vi.advanceTimersByTime(SHARE_AFTER_MS))
    act(() => field.change('Care comes home '))
    act(() => vi.advanceTimersByTime(SHARE_AFTER_MS))
    expect(value.saved).toEqual(['Care comes home', 'Care comes home '])
    act(() => setRemote('Home care'))
    expect(field.elsewhere).toEqual({ value: 'Home care' })
  })

  it('opens with a draft kept from before, unsaved: refused, it stays to fix; fixed, it saves and the field follows the document', () => {
    const short = (text: string) => text.length <= 10
    const value = sharedValue('Care', short, { value: 'Care at home, every day' })
    expect(value.shown()).toBe('Care at home, every day')
    expect(field.editing).toBe(true)
    act(() => field.finish())
    expect(value.saved).toEqual([])
    expect(field.invalid).toBe(true)
    expect(value.shown()).toBe('Care at home, every day')
    act(() => field.change('Home care'))
    act(() => field.finish())
    expect(value.saved).toEqual(['Home care'])
    expect(field.editing).toBe(false)
  })

  it('with a merge, saves both texts when the value changed elsewhere meanwhile, and goes on from them', () => {
    const value = sharedValue(
      'Care moves home.',
      () => true,
      null,
      (base, mine, theirs) => mergeText(base, mine, theirs).text,
    )
    act(() => field.change('Care moves home. Robots help.'))
    act(() => setRemote('Loneliness grows. Care moves home.'))
    // The pause saves, over the change elsewhere, both.
    act(() => vi.advanceTimersByTime(SHARE_AFTER_MS))
    expect(value.saved).toEqual(['Loneliness grows. Care moves home. Robots help.'])
    expect(value.shown()).toBe('Loneliness grows. Care moves home. Robots help.')
    expect(field.elsewhere).toBeNull()
    // Typing on extends the merged text; nothing of theirs is saved over.
    act(() => field.change('Loneliness grows. Care moves home. Robots help at night.'))
    act(() => field.finish())
    expect(value.saved.at(-1)).toBe('Loneliness grows. Care moves home. Robots help at night.')
  })
  it('with a merge too long to save, shows both in the field unsaved, and saves them once shortened', () => {
    const merge: Merge = (base, mine, theirs) => mergeText(base, mine, theirs).text
    const value = sharedValue('Care.', (text) => text.length <= 30, null, merge)
    act(() => field.change('Care. Robots help at night.'))
    act(() => setRemote('Care. Neighbours share tools.'))
    act(() => vi.advanceTimersByTime(SHARE_AFTER_MS))
    expect(value.saved).toEqual([])
    expect(field.invalid).toBe(true)
    expect(value.shown()).toBe('Care. Neighbours share tools. Robots help at night.')
    expect(field.merges).toBe(1)
    // Shortened, it saves, theirs included, with no second merge of what is already in it.
    act(() => field.change('Care. Neighbours share tools.'))
    act(() => field.finish())
    expect(value.saved).toEqual(['Care. Neighbours share tools.'])
    expect(field.merges).toBe(1)
  })

  describe('when saves crossed another and the other was kept', () => {
    const merge: Merge = (base, mine, theirs) => mergeText(base, mine, theirs).text
    /** Where the shared value next set stands to this person's saves (as Yjs tells, `meetsOwnWrites`). */
    let meeting: ReturnType<SaveLineage['meet']> = 'seen'
    let clock = 0
    const lineage: SaveLineage = { mark: () => ({ wrote: { client: 1, clock: clock++ }, replaced: null }) as never, meet: () => meeting }

    it('merges again from before both, keeping the words saved and those typed since', () => {
      meeting = -1
      const value = sharedValue('Care.', () => true, null, merge, lineage)
      act(() => field.change('Care. Robots help.'))
      act(() => vi.advanceTimersByTime(SHARE_AFTER_MS))
      act(() => field.change('Care. Robots help. At night.'))
      // Their save replaced "Care." as this one did, and Yjs kept theirs: "Robots help." is not in it.
      act(() => setRemote('Care. Neighbours share.'))
      expect(value.saved).toEqual(['Care. Robots help.', 'Care. Neighbours share. Robots help. At night.'])
      expect(value.shown()).toBe('Care. Neighbours share. Robots help. At night.')
      expect(field.merges).toBe(1)
    })

    it('merges from before the first of several saves the other had not seen', () => {
      meeting = -1
      const value = sharedValue('Care.', () => true, null, merge, lineage)
      // A pause's save, then another, both before theirs arrived.
      act(() => field.change('Care. Robots'))
      act(() => vi.advanceTimersByTime(SHARE_AFTER_MS))
      act(() => field.change('Care. Robots help.'))
      act(() => vi.advanceTimersByTime(SHARE_AFTER_MS))
      act(() => setRemote('Care. Neighbours share.'))
      expect(value.saved.at(-1)).toBe('Care. Neighbours share. Robots help.')
    })

    it('merges from the save of this person’s the other had seen, when it had seen one', () => {
      meeting = 0
      const value = sharedValue('Care.', () => true, null, merge, lineage)
      act(() => field.change('Care. Robots help.'))
      act(() => vi.advanceTimersByTime(SHARE_AFTER_MS))
      act(() => field.change('Care. Robots help. At night.'))
      act(() => vi.advanceTimersByTime(SHARE_AFTER_MS))
      // Theirs was made on top of the first save ("Robots help."), not the second.
      act(() => setRemote('Care. Robots help. Neighbours share.'))
      expect(value.saved.at(-1)).toBe('Care. Robots help. Neighbours share. At night.')
    })

    it('saves the merge by itself when the person has left the field, and shows the shared value again', () => {
      meeting = -1
      const value = sharedValue('Care.', () => true, null, merge, lineage)
      act(() => field.change('Care. Robots help.'))
      act(() => field.finish())
      act(() => setRemote('Care. Neighbours share.'))
      expect(value.saved).toEqual(['Care. Robots help.', 'Care. Neighbours share. Robots help.'])
      expect(field.editing).toBe(false)
      expect(value.shown()).toBe('Care. Neighbours share. Robots help.')
      // Nothing to tell someone no longer in the field.
      expect(field.merges).toBe(0)
    })

    it("takes a later value written over this person's save as it is: its writer saw the words and removed them", () => {
      meeting = 'seen'
      const value = sharedValue('Care.', () => true, null, merge, lineage)
      act(() => field.change('Care. Robots help.'))
      act(() => field.finish())
      act(() => setRemote('Neighbours share.'))
      expect(value.saved).toEqual(['Care. Robots help.'])
      expect(value.shown()).toBe('Neighbours share.')
    })
  })

  it('with a merge, saves both when the field goes away just after the change elsewhere arrived', () => {
    const merge: Merge = (base, mine, theirs) => mergeText(base, mine, theirs).text
    const value = sharedValue('Care.', () => true, null, merge)
    act(() => field.change('Care. Robots help.'))
    act(() => setRemote('Care. Neighbours share.'))
    cleanup()
    expect(value.saved).toEqual(['Care. Neighbours share. Robots help.'])
  })
})
