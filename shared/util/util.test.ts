import { describe, expect, it } from 'vitest'
import { ID_REGEX, randomId } from './ids'
import { byOrderThenId, initialOrders, isOrderKey, orderAfterAll, orderBefore } from './order'
import { safeHttpUrl, sourceDomain } from './url'

describe('randomId', () => {
  it('makes 22 URL-safe characters, different every time', () => {
    const ids = new Set(Array.from({ length: 500 }, randomId))
    expect(ids.size).toBe(500)
    expect([...ids].every((id) => /^[A-Za-z0-9_-]{22}$/.test(id))).toBe(true)
    expect(ID_REGEX.test('a|b')).toBe(false)
  })
})

describe('safeHttpUrl', () => {
  it('allows only absolute http(s) links', () => {
    expect(safeHttpUrl(' https://example.org/a?b=1 ')).toBe('https://example.org/a?b=1')
    expect(safeHttpUrl('http://EXAMPLE.org')).toBe('http://example.org/')
    expect(safeHttpUrl('')).toBe('')
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'ftp://x.org',
      '//example.org',
      'example.org',
      'https://user:pw@example.org',
    ]) {
      expect(safeHttpUrl(bad)).toBeNull()
    }
    expect(sourceDomain('https://www.yle.fi/uutiset')).toBe('yle.fi')
    expect(sourceDomain('javascript:x')).toBe('')
  })
})

describe('fractional order', () => {
  it('appends, inserts before, and survives equal keys from concurrent appends', () => {
    const [a, b] = initialOrders(2) as [string, string]
    expect(a < b).toBe(true)
    const c = orderAfterAll([a, b])
    expect(c > b).toBe(true)
    const mid = orderBefore([a, b, c], 1)
    expect(a < mid && mid < b).toBe(true)
    // two replicas appended with the same key: inserting before the second still works
    const tied = orderBefore([a, b, b], 2)
    expect(a < tied && tied < b).toBe(true)
    expect(orderBefore([], 0)).toBe(orderAfterAll([]))
    expect(
      [
        { id: 'y', order: a },
        { id: 'x', order: a },
      ]
        .sort(byOrderThenId)
        .map((r) => r.id),
    ).toEqual(['x', 'y'])
  })

  it('rejects malformed keys', () => {
    expect(isOrderKey('a0')).toBe(true)
    for (const bad of ['', 'a', 'a00', '!!', 'x'.repeat(200)]) expect(isOrderKey(bad)).toBe(false)
  })
})
