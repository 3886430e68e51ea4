import { describe, expect, it } from 'vitest'
import { limitedAddress } from './address.ts'

describe('limitedAddress', () => {
  it('counts IPv4 by the address, IPv6 by its /64 network', () => {
    expect(limitedAddress('203.0.113.7')).toBe('203.0.113.7')
    expect(limitedAddress('::ffff:203.0.113.7')).toBe('203.0.113.7')
    // Any address of one /64 is one budget, however it is written.
    const network = '2001:db8:a:b::/64'
    for (const address of ['2001:db8:a:b::1', '2001:0db8:000a:000b:ffff:1:2:3', '2001:DB8:A:B:0:0:0:9', '2001:db8:a:b::1%eth0']) {
      expect(limitedAddress(address), address).toBe(network)
    }
    expect(limitedAddress('2001:db8:a:c::1')).not.toBe(network)
    expect(limitedAddress('::1')).toBe('0:0:0:0::/64')
    expect(limitedAddress('2001:db8::')).toBe('2001:db8:0:0::/64')
  })
})
