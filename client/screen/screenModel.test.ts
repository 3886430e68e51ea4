import { describe, expect, it } from 'vitest'
import type { PresencePerson } from '../sync/presence.ts'
import { joinKeyFromFragment, screenLinkWithJoin, shortLink } from './joinLink.ts'
import { joinedCount, stageShowsFocus } from './screenModel.ts'

const KEY = 'abcdefghijklmnopqrstuvwxyz012345'
const here = (id: string, role: PresencePerson['role']): PresencePerson => ({ id, role, name: id, color: '#0072B2', stageId: null, clientId: 1, editing: null, isSelf: false })

describe('stageShowsFocus', () => {
  it('leaves a focus to the stage that shows that kind itself', () => {
    expect(stageShowsFocus('trends', 'trend', true)).toBe(true)
    expect(stageShowsFocus('stories', 'story', true)).toBe(true)
  })

  it('shows any other focus itself, and every focus on a stage not built yet', () => {
    expect(stageShowsFocus('signals', 'signal', true)).toBe(false)
    expect(stageShowsFocus('assess', 'trend', true)).toBe(false)
    expect(stageShowsFocus('wheel', 'wheel', false)).toBe(false)
  })
})

describe('joinedCount', () => {
  it('counts the board participants and the unnamed people here, not the facilitators', () => {
    expect(joinedCount(['anna', 'ben', 'fiona'], [here('fiona', 'facilitator'), here('anna', 'participant'), here('newcomer', 'participant')])).toBe(3)
  })
})

describe('join link', () => {
  it('travels in the screen link\'s fragment, next to the screen key', () => {
    const link = screenLinkWithJoin(`https://ws.example.org/w/AbcAbcAbcAbcAbcAbcAbc1/screen#key=${'s'.repeat(32)}`, KEY)
    const hash = new URL(link).hash
    expect(joinKeyFromFragment(hash)).toBe(KEY)
    expect(new URLSearchParams(hash.slice(1)).get('key')).toBe('s'.repeat(32))
  })

  it('ignores a missing or malformed key', () => {
    expect(joinKeyFromFragment('#key=' + KEY)).toBeNull()
    expect(joinKeyFromFragment('#key=x&join=short')).toBeNull()
  })

  it('reads on the wall without scheme or key', () => {
    expect(shortLink(`https://ws.example.org/w/AbcAbcAbcAbcAbcAbcAbc1/join#key=${KEY}`)).toBe('ws.example.org/w/AbcAbcAbcAbcAbcAbcAbc1/join')
  })
})
