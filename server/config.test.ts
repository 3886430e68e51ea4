import { describe, expect, it } from 'vitest'
import { configFromArgs, SERVER_USAGE } from './config.ts'

describe('server flags', () => {
  it('read --flag value and --flag=value, over the environment', () => {
    const config = configFromArgs(['--port', '9000', '--host=0.0.0.0', '--build-if-needed'], { DATA_DIR: '/srv/s2s', HOST: '127.0.0.2' })
    expect({ port: config.port, host: config.host, dataDir: config.dataDir }).toEqual({ port: 9000, host: '0.0.0.0', dataDir: '/srv/s2s' })
  })

  it('refuse an unknown flag, a bare --host and a stray word, with the usage line', () => {
    for (const argv of [['--prot', '9000'], ['--host'], ['--host', '--port', '1'], ['serve']]) {
      expect(() => configFromArgs(argv, {}), argv.join(' ')).toThrow(SERVER_USAGE)
    }
  })

  it('refuse a port that is not a number', () => {
    expect(() => configFromArgs(['--port', 'eighty'], {})).toThrow(/--port must be/)
  })
})

describe('log level', () => {
  it('comes from --log-level over LOG_LEVEL, and an unknown level is an error with the usage line', () => {
    expect(configFromArgs([], { LOG_LEVEL: 'debug' }).logger.level).toBe('debug')
    expect(configFromArgs(['--log-level', 'warn'], { LOG_LEVEL: 'debug' }).logger.level).toBe('warn')
    expect(configFromArgs([], {}).logger.level).toBe('info')
    expect(() => configFromArgs(['--log-level', 'loud'], {})).toThrow(SERVER_USAGE)
    expect(() => configFromArgs([], { LOG_LEVEL: 'verbose' })).toThrow(/log level must be one of/)
  })
})
