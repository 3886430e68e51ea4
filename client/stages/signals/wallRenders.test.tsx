// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, type ComponentProps } from 'react'
import { addSignal, joinAsParticipant, updateSignal } from '../../../shared/doc/index.ts'
import { cleanup, render } from '../../testing/render.ts'
import SignalsStage from './SignalsStage.tsx'
import { ANNA, BEN, openWorkshop, SIGNALS_STAGE, type Workshop } from './testKit.tsx'

// Every card renders its authors once per card render: counting them counts card renders.
const renders = vi.hoisted(() => ({ cards: 0 }))
vi.mock('./Authors.tsx', async (importOriginal) => {
  const real = await importOriginal<typeof import('./Authors.tsx')>()
  return {
    Authors(props: ComponentProps<typeof real.Authors>) {
      renders.cards++
      return <real.Authors {...props} />
    },
  }
})

let workshop: Workshop | null = null
afterEach(() => {
  cleanup()
  workshop?.close()
  workshop = null
})

describe('a long wall re-renders only what changed', () => {
  it('adding, editing or a newcomer joining touches one card or none, not all 120', () => {
    const w = (workshop = openWorkshop('participant', ANNA))
    const ids: string[] = []
    act(() => {
      for (let i = 0; i < 120; i++) ids.push(addSignal(w.board, { title: `Signal ${i}`, category: 'social' }, i % 2 ? ANNA : BEN))
    })
    const container = render(w.wrap(<SignalsStage stage={SIGNALS_STAGE} role="participant" isCurrent />))
    expect(container.querySelectorAll('.wall-section .signal-card')).toHaveLength(120)
    expect(renders.cards).toBe(120)

    renders.cards = 0
    act(() => void addSignal(w.board, { title: 'One more' }, BEN))
    expect(container.querySelectorAll('.wall-section .signal-card')).toHaveLength(121)
    expect(renders.cards).toBe(1)

    renders.cards = 0
    act(() => void updateSignal(w.board, ids[60]!, { title: 'Edited elsewhere' }))
    expect(renders.cards).toBe(1)
    expect(container.textContent).toContain('Edited elsewhere')

    renders.cards = 0
    act(() => void joinAsParticipant(w.board, { participantId: 'CaiCaiCaiCaiCaiCaiCai1' }, 'Cai'))
    expect(renders.cards).toBe(0)
  })
})
