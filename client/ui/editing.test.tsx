// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act, type ReactNode } from 'react'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { WorkshopDocsContext, type WorkshopDocs } from '../sync/workshopDocs.ts'
import { cleanup, render } from '../testing/render.ts'
import { EditingNote } from './EditingNote.tsx'
import { useEditingMarker, useEditorsOf } from './editing.ts'

const created: Awareness[] = []
afterEach(() => {
  cleanup()
  created.splice(0).forEach((awareness) => awareness.destroy())
})

/** Two tabs whose awareness updates reach each other at once, as through the server. */
function twoPeople() {
  const anna = new Awareness(new Y.Doc())
  const ben = new Awareness(new Y.Doc())
  const relay = (from: Awareness, to: Awareness) =>
    from.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [...added!, ...updated!, ...removed!]), 'remote')
    })
  created.push(anna, ben)
  relay(anna, ben)
  relay(ben, anna)
  anna.setLocalState({ user: { id: 'anna-0000000000000000000', name: 'Anna', color: '#0072B2', role: 'participant', stageId: null }, editing: null })
  ben.setLocalState({ user: { id: 'ben-00000000000000000000', name: 'Ben', color: '#D55E00', role: 'participant', stageId: null }, editing: null })
  return { anna, ben }
}

function withAwareness(awareness: Awareness, children: ReactNode) {
  const docs: WorkshopDocs = { board: null, control: null, boardConnection: null, controlConnection: null, boardAwareness: awareness }
  return <WorkshopDocsContext.Provider value={docs}>{children}</WorkshopDocsContext.Provider>
}

function Editor({ itemId }: { itemId: string | null }) {
  useEditingMarker(itemId)
  return null
}

let renders = 0
function EditorsProbe({ itemId }: { itemId: string }) {
  const editors = useEditorsOf(itemId)
  renders++
  return <output data-item={itemId}>{editors.map((e) => e.name).join(',')}</output>
}

describe('editing markers', () => {
  it('shows who else has an item open, and clears when they close it', () => {
    const { anna, ben } = twoPeople()
    const benView = render(withAwareness(ben, <EditingNote itemId="card-1" />))
    expect(benView.textContent).toBe('')

    const annaView = render(withAwareness(anna, <Editor itemId="card-1" />))
    expect(anna.getLocalState()?.editing).toBe('card-1')
    expect(benView.textContent).toBe('Anna is editing…')

    act(() => cleanup())
    expect(anna.getLocalState()?.editing).toBeNull()
    expect(annaView.isConnected).toBe(false)
  })

  it('never lists yourself, and re-renders only the item whose editors changed', () => {
    const { anna, ben } = twoPeople()
    const view = render(
      withAwareness(
        ben,
        <>
          <Editor itemId="card-2" />
          <EditorsProbe itemId="card-1" />
          <EditorsProbe itemId="card-2" />
        </>,
      ),
    )
    const text = (id: string) => view.querySelector(`[data-item="${id}"]`)?.textContent
    expect(text('card-2')).toBe('') // Ben himself
    renders = 0
    act(() => anna.setLocalStateField('editing', 'card-1'))
    expect(text('card-1')).toBe('Anna')
    expect(renders).toBe(1) // card-2's probe kept its (empty) array
  })

  it('ignores malformed presence from the network', () => {
    const { anna, ben } = twoPeople()
    act(() => anna.setLocalState({ user: { id: '<script>', name: 'X', color: 'red', role: 'participant' }, editing: 'card-1' }))
    const view = render(withAwareness(ben, <EditingNote itemId="card-1" />))
    expect(view.textContent).toBe('')
  })
})
