// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { getAllByRole, queryAllByRole } from '@testing-library/dom'
import { addWheelNode } from '../../../shared/doc/index.ts'
import { cleanup } from '../../testing/render.ts'
import { anna, screenOf, teardownAll, wheelWorkshop } from './testKit.tsx'

afterEach(() => {
  cleanup()
  teardownAll()
  localStorage.clear()
})

/**
 * A wheel as the room test wrote it: two second-order consequences whose first 35 characters are
 * the same, which gave their buttons the same name when the name carried only a cut text.
 */
function alikeWheel() {
  const w = wheelWorkshop()
  const trendId = w.trendIds[0]!
  const first = addWheelNode(w.board, { trendId, parentId: null, text: 'Hoivakotipaikkoja tarvitaan vähemmän', valence: 'positive' }, anna)!
  const seconds = [1, 2].map((n) =>
    addWheelNode(w.board, { trendId, parentId: first, text: `Hoivakotipaikkoja: toisen asteen seuraus ${n} (Petra)`, valence: 'negative' }, anna)!,
  )
  addWheelNode(w.board, { trendId, parentId: seconds[0]!, text: 'Kolmannen asteen seuraus', valence: 'mixed' }, anna)
  return w
}
const belowThird = [
  'Hoivakotipaikkoja tarvitaan vähemmän',
  'Hoivakotipaikkoja: toisen asteen seuraus 1 (Petra)',
  'Hoivakotipaikkoja: toisen asteen seuraus 2 (Petra)',
]
const everyNode = [...belowThird, 'Kolmannen asteen seuraus']

/** The buttons whose accessible name is exactly `name`. */
const named = (root: HTMLElement, name: string) => queryAllByRole(root, 'button', { name })

describe("each wheel button's accessible name says which consequence it is for (Finnish)", () => {
  it('the diagram: every "+" carries its box\'s whole text, and no two are named alike', () => {
    const view = screenOf(anna, 'participant', alikeWheel(), 'diagram', 'fi')
    for (const text of [...belowThird, 'Care moves home']) expect(named(view, `Lisää jatkoseuraus ”${text}”`), text).toHaveLength(1)
    const names = getAllByRole(view, 'button', { name: /^Lisää jatkoseuraus ”/ }).map((el) => el.getAttribute('aria-label'))
    expect(names).toHaveLength(belowThird.length + 1)
    expect(new Set(names).size).toBe(names.length)
  })

  it('the list: "add what follows", "edit" and "delete" each name their consequence in full', () => {
    const view = screenOf(anna, 'participant', alikeWheel(), 'list', 'fi')
    for (const text of belowThird) expect(named(view, `Lisää jatkoseuraus ”${text}”`), text).toHaveLength(1)
    for (const text of everyNode) {
      expect(named(view, `Muokkaa ”${text}”`), text).toHaveLength(1)
      expect(named(view, `Poista ”${text}”`), text).toHaveLength(1)
    }
    // Nothing is left named by its verb alone.
    expect(named(view, 'Muokkaa')).toHaveLength(0)
    expect(named(view, 'Poista')).toHaveLength(0)
  })
})
