// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act } from 'react'
import * as Y from 'yjs'
import { initBoard, readBoard } from '../../../shared/doc/index.ts'
import { useStore } from '../../state/store.ts'
import { WorkshopDocsContext } from '../../sync/workshopDocs.ts'
import { cleanup, render, typeInto } from '../../testing/render.ts'
import { NameDialog } from './NameDialog.tsx'
import { UndoProvider, useUndo } from '../../sync/UndoContext.tsx'

afterEach(() => {
  cleanup()
  useStore.getState().endSession()
  useStore.getState().closeDialog()
})

let canUndo = false
function UndoProbe() {
  canUndo = useUndo().canUndo
  return null
}

describe('NameDialog', () => {
  it('remembers the name and records it on the board, outside the undo history', () => {
    const board = new Y.Doc()
    initBoard(board)
    const id = 'anna-00000000000000000'
    useStore.getState().startSession({ workshopId: 'w', role: 'participant', key: 'k' }, { id, name: '', color: '#0072B2' })
    const c = render(
      <WorkshopDocsContext.Provider value={{ board, control: null, boardConnection: null, controlConnection: null }}>
        <UndoProvider board={board}>
          <NameDialog />
          <UndoProbe />
        </UndoProvider>
      </WorkshopDocsContext.Provider>,
    )
    act(() => useStore.getState().openDialog('name'))
    const input = c.querySelector<HTMLInputElement>('dialog input')!
    expect(document.activeElement).toBe(input)
    typeInto(input, '  Anna  ')
    act(() => c.querySelector('form')!.requestSubmit())
    expect(useStore.getState().participant?.name).toBe('Anna')
    expect(readBoard(board).participants.get(id)?.name).toBe('Anna')
    expect(canUndo).toBe(false)
    expect(c.querySelector('dialog')!.open).toBe(false)
  })

  it('keeps a pasted name past its limit whole and saves nothing until it is shortened', () => {
    const board = new Y.Doc()
    initBoard(board)
    const id = 'anna-00000000000000000'
    useStore.getState().startSession({ workshopId: 'w', role: 'participant', key: 'k' }, { id, name: '', color: '#0072B2' })
    const c = render(
      <WorkshopDocsContext.Provider value={{ board, control: null, boardConnection: null, controlConnection: null }}>
        <UndoProvider board={board}>
          <NameDialog />
        </UndoProvider>
      </WorkshopDocsContext.Provider>,
      { language: 'fi' },
    )
    act(() => useStore.getState().openDialog('name'))
    const input = c.querySelector<HTMLInputElement>('dialog input')!
    expect(input.hasAttribute('maxlength')).toBe(false)
    const pasted = 'Anna-Maija Virtanen-Korhonen, hoitaja ja isoäiti, Turusta kotoisin'
    typeInto(input, pasted)
    expect(c.querySelector('dialog .field__count')?.textContent).toBe('6 merkkiä liikaa: lyhennä 60 merkkiin.')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    act(() => c.querySelector('form')!.requestSubmit())
    expect(useStore.getState().participant?.name).toBe('')
    expect(readBoard(board).participants.has(id)).toBe(false)
    expect(c.querySelector('dialog')!.open).toBe(true)
    expect(input.value).toBe(pasted)
    expect(document.activeElement).toBe(input)

    typeInto(input, 'Anna-Maija')
    act(() => c.querySelector('form')!.requestSubmit())
    expect(useStore.getState().participant?.name).toBe('Anna-Maija')
  })
})
