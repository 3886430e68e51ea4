import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { visibleWheelNodes, wheelTree } from '../derive/wheel'
import { anna, ben, newBoard, readValid } from '../testing/fixtures'
import { connectDocs } from '../testing/network'
import { createTrend } from './trends'
import { addWheelNode, deleteWheelNode, updateWheelNode } from './wheel'

describe('futures wheel', () => {
  it('builds rings one to three and refuses a fourth', () => {
    const doc = newBoard()
    const t = createTrend(doc, { name: 'Care moves home' }, anna)
    const first = addWheelNode(doc, { trendId: t, parentId: null, text: 'Fewer care homes', valence: 'mixed' }, anna) as string
    const second = addWheelNode(doc, { trendId: t, parentId: first, text: 'Homes adapted' }, anna) as string
    const third = addWheelNode(doc, { trendId: t, parentId: second, text: 'Builders retrain' }, anna) as string
    expect(addWheelNode(doc, { trendId: t, parentId: third, text: 'too far' }, anna)).toBeNull()
    const board = readValid(doc)
    expect([first, second, third].map((id) => board.wheelNodes.get(id)?.ring)).toEqual([1, 2, 3])
    expect(wheelTree(board, t)[0]?.children[0]?.children[0]?.node.text).toBe('Builders retrain')
    updateWheelNode(doc, second, { valence: 'positive' })
    expect(readValid(doc).wheelNodes.get(second)?.valence).toBe('positive')
  })

  it('refuses a parent from another wheel', () => {
    const doc = newBoard()
    const t1 = createTrend(doc, {}, anna)
    const t2 = createTrend(doc, {}, anna)
    const node = addWheelNode(doc, { trendId: t1, parentId: null, text: 'x' }, anna) as string
    expect(addWheelNode(doc, { trendId: t2, parentId: node, text: 'y' }, anna)).toBeNull()
  })

  it('deletes a node with its whole subtree and nothing else', () => {
    const doc = newBoard()
    const t = createTrend(doc, {}, anna)
    const a = addWheelNode(doc, { trendId: t, parentId: null, text: 'a' }, anna) as string
    const b = addWheelNode(doc, { trendId: t, parentId: null, text: 'b' }, anna) as string
    const a1 = addWheelNode(doc, { trendId: t, parentId: a, text: 'a1' }, anna) as string
    addWheelNode(doc, { trendId: t, parentId: a1, text: 'a1x' }, anna)
    addWheelNode(doc, { trendId: t, parentId: a, text: 'a2' }, anna)
    addWheelNode(doc, { trendId: t, parentId: b, text: 'b1' }, anna)
    expect(deleteWheelNode(doc, a)).toBe(4)
    expect(visibleWheelNodes(readValid(doc), t).map((n) => n.text)).toEqual(['b', 'b1'])
  })

  it('hides a consequence added under a node deleted at the same time', () => {
    const a = newBoard(1)
    const b = new Y.Doc()
    const link = connectDocs(a, b)
    const t = createTrend(a, {}, anna)
    const parent = addWheelNode(a, { trendId: t, parentId: null, text: 'parent' }, anna) as string
    link.hold()
    deleteWheelNode(a, parent)
    addWheelNode(b, { trendId: t, parentId: parent, text: 'late child' }, ben)
    link.release()
    for (const doc of [a, b]) expect(visibleWheelNodes(readValid(doc), t)).toEqual([])
  })
})
