import { describe, expect, it } from 'vitest'
import { capturedLogger } from '../tests/support/logLines.ts'
import { scrub } from './log.ts'

describe('the server log keeps secrets out', () => {
  it('scrubs passwords in connection URLs, keys and tokens in addresses, subprotocols and draft names', () => {
    const draft = `draft-${'d'.repeat(22)}`
    const text = scrub(
      `postgres://s2s:hunter2@db:5432/s2s redis://:sesame@cache:6379 /sync/W/board?key=${'k'.repeat(32)}&identity=abc.def s2s.key.${'k'.repeat(32)} Bearer ${'f'.repeat(32)} ${draft}`,
    )
    for (const secret of ['hunter2', 'sesame', 'k'.repeat(32), 'abc.def', 'f'.repeat(32), 'd'.repeat(22)]) expect(text).not.toContain(secret)
    expect(text).toContain('postgres://s2s:***@db:5432/s2s')
    expect(text).toContain('draft-***')
  })

  it('redacts fields named like a secret and scrubs messages and errors, whoever wrote the call', () => {
    const log = capturedLogger()
    log.logger.info({ key: 'facilitator-key', workshop: 'W', nested: { token: 'identity-token' } }, 'opened with key=participant-key')
    log.logger.error({ err: new Error('connect ECONNREFUSED postgres://u:topsecret@h/db') }, 'store failed')
    const [opened, failed] = log.lines()
    expect(opened).toMatchObject({ level: 'info', workshop: 'W', key: '***', nested: { token: '***' }, msg: 'opened with key=***' })
    expect(failed).toMatchObject({ level: 'error', msg: 'store failed', err: { message: 'connect ECONNREFUSED postgres://u:***@h/db' } })
    for (const secret of ['facilitator-key', 'identity-token', 'participant-key', 'topsecret']) expect(log.text()).not.toContain(secret)
  })
})
