import { describe, expect, it, vi } from 'vitest'
import { createNameFocus } from './nameFocus.ts'

describe('focusing a new trend’s name', () => {
  it('focuses at once when the field is already there', () => {
    const names = createNameFocus()
    const focus = vi.fn()
    names.register('t1', focus)
    names.request('t1')
    expect(focus).toHaveBeenCalledOnce()
  })

  it('waits for a field that renders after the request, and focuses it once', () => {
    const names = createNameFocus()
    names.request('t2')
    const other = vi.fn()
    names.register('t1', other)
    const focus = vi.fn()
    const unregister = names.register('t2', focus)
    expect(other).not.toHaveBeenCalled()
    expect(focus).toHaveBeenCalledOnce()
    unregister()
    names.register('t2', focus)
    expect(focus).toHaveBeenCalledOnce()
  })
})
