import { describe, expect, it } from 'vitest'
import { keyFromFragment } from './keys.ts'
import { joinTarget } from './home/joinTarget.ts'
import { parseRoute } from './routing.ts'

const ID = 'AbCdEfGhIjKlMnOpQrStUv'
const KEY = 'Zz0123456789_-abcdefghijklmnopqr'
const ORIGIN = 'http://192.168.1.20:8080'

describe('parseRoute', () => {
  it.each([
    ['/', { name: 'home' }],
    ['', { name: 'home' }],
    [`/w/${ID}/join`, { name: 'workshop', workshopId: ID, role: 'participant' }],
    [`/w/${ID}/facilitate/`, { name: 'workshop', workshopId: ID, role: 'facilitator' }],
    [`/w/${ID}/screen`, { name: 'workshop', workshopId: ID, role: 'screen' }],
    [`/w/${ID}/admin`, { name: 'notFound' }],
    ['/w/short/join', { name: 'notFound' }],
    ['/elsewhere', { name: 'notFound' }],
    ['/join', { name: 'join', code: '' }],
    ['/JOIN/', { name: 'join', code: '' }],
    ['/join/K7F-3QX', { name: 'join', code: 'K7F-3QX' }],
    ['/join/a/b', { name: 'notFound' }],
  ])('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route)
  })
})

describe('keyFromFragment', () => {
  it('reads a well-formed key only', () => {
    expect(keyFromFragment(`#key=${KEY}`)).toBe(KEY)
    expect(keyFromFragment('#key=short')).toBeNull()
    expect(keyFromFragment('')).toBeNull()
  })
})

describe('joinTarget', () => {
  it('accepts full links of any role, and paths', () => {
    expect(joinTarget(` https://ws.example/w/${ID}/screen#key=${KEY} `, ORIGIN)).toBe(`https://ws.example/w/${ID}/screen#key=${KEY}`)
    expect(joinTarget(`/w/${ID}/join#key=${KEY}`, ORIGIN)).toBe(`${ORIGIN}/w/${ID}/join#key=${KEY}`)
  })

  it('accepts a code as the participant link', () => {
    const participant = `${ORIGIN}/w/${ID}/join#key=${KEY}`
    expect(joinTarget(`${ID}${KEY}`, ORIGIN)).toBe(participant)
    expect(joinTarget(`${ID} ${KEY}`, ORIGIN)).toBe(participant)
    expect(joinTarget(`${ID}#key=${KEY}`, ORIGIN)).toBe(participant)
  })

  it('refuses links without a key, other pages and other schemes', () => {
    expect(joinTarget(`https://ws.example/w/${ID}/join`, ORIGIN)).toBeNull()
    expect(joinTarget(`https://ws.example/other#key=${KEY}`, ORIGIN)).toBeNull()
    expect(joinTarget(`javascript:alert(1)//w/${ID}/join#key=${KEY}`, ORIGIN)).toBeNull()
    expect(joinTarget('hello', ORIGIN)).toBeNull()
    expect(joinTarget('', ORIGIN)).toBeNull()
  })
})
