import { describe, expect, it } from 'vitest'
import { addSignal, addWheelNode, createStory, createTrend, readBoard } from '../../../../shared/doc/index.ts'
import { newBoard } from '../../../../shared/doc/testing/fixtures.ts'
import { allFocusOptions, describeFocus, focusKindForStage, searchFocusOptions } from './focusOptions.ts'

const anna = { participantId: 'AnnaAnnaAnnaAnnaAnna01' }

function board() {
  const doc = newBoard()
  const robots = addSignal(doc, { title: 'Care robots at home' }, anna)
  const kitchens = addSignal(doc, { title: 'Neighbourhood kitchens' }, anna)
  const careHome = createTrend(doc, { name: 'Care moves home' }, anna)
  const unnamed = createTrend(doc, { name: '' }, anna)
  addWheelNode(doc, { trendId: careHome, parentId: null, text: 'Fewer care homes' }, anna)
  addWheelNode(doc, { trendId: careHome, parentId: null, text: 'Relatives help' }, anna)
  const { storyId } = createStory(doc, { title: '', persona: { name: 'Aino' } }, anna)
  return { snapshot: readBoard(doc), robots, kitchens, careHome, unnamed, storyId }
}

describe('focus options', () => {
  it('lists each kind in board order; wheels are the trends with consequences', () => {
    const { snapshot, careHome, unnamed } = board()
    expect(allFocusOptions(snapshot, 'signal').map((o) => o.label)).toEqual(['Care robots at home', 'Neighbourhood kitchens'])
    expect(allFocusOptions(snapshot, 'trend').map((o) => o.id)).toEqual([careHome, unnamed])
    expect(allFocusOptions(snapshot, 'wheel')).toEqual([{ id: careHome, label: 'Care moves home', detail: 2 }])
  })

  it('names an untitled story by its persona', () => {
    const { snapshot, storyId } = board()
    expect(allFocusOptions(snapshot, 'story')).toEqual([{ id: storyId, label: 'Aino', detail: null }])
  })

  it('searches in any case and says how many matched beyond the shown ones', () => {
    const { snapshot } = board()
    const options = allFocusOptions(snapshot, 'signal')
    expect(searchFocusOptions(options, 'KITCHEN', 10).shown.map((o) => o.label)).toEqual(['Neighbourhood kitchens'])
    expect(searchFocusOptions(options, '', 1)).toMatchObject({ matched: 2, shown: [{ label: 'Care robots at home' }] })
  })

  it('describes the item on screen, or nothing once it is deleted', () => {
    const { snapshot, robots, careHome } = board()
    expect(describeFocus(snapshot, { kind: 'signal', id: robots })?.label).toBe('Care robots at home')
    expect(describeFocus(snapshot, { kind: 'wheel', id: careHome })?.detail).toBe(2)
    expect(describeFocus(snapshot, { kind: 'trend', id: 'GoneGoneGoneGoneGone01' })).toBeNull()
  })

  it('opens the picker on the kind of item the stage works with', () => {
    expect(focusKindForStage('signals')).toBe('signal')
    expect(focusKindForStage('assess')).toBe('trend')
    expect(focusKindForStage('wheel')).toBe('wheel')
    expect(focusKindForStage('stories')).toBe('story')
  })
})
