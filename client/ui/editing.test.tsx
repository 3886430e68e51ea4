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

/** Tabs whose awareness updates reach each other at once, as through the server. */
function people(...names: string[]): Awareness[] {
  const tabs = names.map(() => new Awareness(new Y.Doc()))
  const relay = (from: Awareness, to: Awareness) =>
    from.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [...added!, ...updated!, ...removed!]), 'remote')
    })
  created.push(...tabs)
  for (const from of tabs) for (const to of tabs) if (from !== to) relay(from, to)
  tabs.forEach((tab, i) =>
    tab.setLocalState({
      user: { id: `${names[i]!.toLowerCase()}-`.padEnd(22, '0'), name: names[i], color: '#0072B2', role: 'participant', stageId: null },
      editing: null,
    }),
  )
  return tabs
}

function twoPeople() {
  const [anna, ben] = people('Anna', 'Ben')
  return { anna: anna!, ben: ben! }
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

  it('counts the others in words that fit their number', () => {
    const [anna, ben, cecilia, dan] = people('Anna', 'Ben', 'Cecilia', 'Dan')
    const view = render(withAwareness(dan!, <EditingNote itemId="card-1" />))
    render(withAwareness(anna!, <Editor itemId="card-1" />))
    render(withAwareness(ben!, <Editor itemId="card-1" />))
    expect(view.textContent).toMatch(/^(Anna|Ben) and 1 other are editing…$/)
    render(withAwareness(cecilia!, <Editor itemId="card-1" />))
    expect(view.textContent).toMatch(/^(Anna|Ben|Cecilia) and 2 others are editing…$/)
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
