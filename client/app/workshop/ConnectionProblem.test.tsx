// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act } from 'react'
import { useStore } from '../../state/store.ts'
import { INITIAL_SYNC_STATE } from '../../sync/syncState.ts'
import { cleanup, render } from '../../testing/render.ts'
import { ConnectionProblem } from './ConnectionProblem.tsx'

afterEach(() => {
  cleanup()
  useStore.getState().resetConnection()
})

const refused = (denied: NonNullable<typeof INITIAL_SYNC_STATE.denied>) =>
  act(() => useStore.getState().setDocSync('board', { ...INITIAL_SYNC_STATE, status: 'connected', pending: 1, denied }))

describe('ConnectionProblem: a refused change', () => {
  it('says why in the workshop’s language, with no English from the server in a Finnish page', () => {
    const container = render(<ConnectionProblem />, { language: 'fi' })
    refused('locked')
    expect(container.textContent).toBe(
      'Muutosta ei hyväksytty' +
        'Fasilitaattori on lukinnut työpajan hetkeksi. Kirjoittamasi on tallessa tällä laitteella ja lähtee, kun työpaja taas avautuu.',
    )
    expect(container.querySelector('[lang="en"]')).toBeNull()
  })

  it.each([
    ['locked', 'The facilitator has locked the workshop for a moment.'],
    ['readOnly', 'This view is read-only'],
    ['notYours', 'only they and the facilitator can change'],
    ['tooMuch', 'Delete in smaller parts.'],
  ] as const)('%s reads “%s”', (kind, words) => {
    const container = render(<ConnectionProblem />)
    refused(kind)
    expect(container.querySelector('[role="status"]')?.textContent).toContain(words)
  })

  it('goes once every change is stored', () => {
    const container = render(<ConnectionProblem />)
    refused('notYours')
    expect(container.textContent).toContain("A change wasn't accepted")
    act(() => useStore.getState().setDocSync('board', { ...INITIAL_SYNC_STATE, status: 'connected' }))
    expect(container.textContent).toBe('')
  })
})
