import type { Logger } from '../log.ts'
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Relay } from './relay.ts'
import { localWindowLimit, type WindowLimit, type WindowLimitSpec } from './windowLimit.ts'

/** Gives a lease back only if it is still ours (it may have expired and gone to another). */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`
const PREFIX = 's2s:'
/** One attempt in a fixed window, atomically: the first attempt starts the window (its expiry). */
const TAKE = `local n = redis.call('incr', KEYS[1]) if n == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end return n`
/** Milliseconds left in the window once the count reached ARGV[1], else 0. */
const BLOCKED = `local n = tonumber(redis.call('get', KEYS[1]) or '0') if n < tonumber(ARGV[1]) then return 0 end return math.max(redis.call('pttl', KEYS[1]), 0)`

/**
 * The relay over Redis pub/sub: one connection publishes and takes leases, one subscribes.
 *
 * Pub/sub rather than Streams because PostgreSQL already is the durable, ordered log of every
 * update: Redis only has to carry each stored update to the other instances at once. Streams
 * would keep a second copy of the log in Redis memory, to trim and to reconcile with the first;
 * y-redis needs them because there Redis *is* the recent log and a worker persists it later.
 * What pub/sub may lose (Redis restarting, a link dropping) is made good by reloading the rooms
 * from PostgreSQL when the link returns, and Yjs ignores what a document already has.
 */
export class RedisRelay implements Relay {
  /** Published with every message, so an instance can skip its own. */
  readonly instanceId = randomBytes(8)
  private readonly owner = this.instanceId.toString('hex')
  private readonly messageHandlers: ((channel: string, message: Buffer) => void)[] = []
  private readonly resyncHandlers: (() => void)[] = []
  private lostLink = false

  private constructor(
    private readonly commands: Redis,
    private readonly subscriber: Redis,
    private readonly logger: Logger,
  ) {
    subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      // Our own messages come back to us too: our clients already have them.
      if (message.subarray(0, 8).equals(this.instanceId)) return
      const name = channel.toString().slice(PREFIX.length)
      for (const handler of this.messageHandlers) handler(name, message.subarray(8))
    })
    for (const connection of [commands, subscriber]) {
      connection.on('error', (error: Error) => {
        if (!this.lostLink) logger.error({ err: error }, 'Redis error')
      })
    }
    subscriber.on('close', () => {
      if (!this.lostLink) logger.warn('Redis link lost; rooms will be reloaded from the database when it returns')
      this.lostLink = true
    })
    // ioredis subscribes again by itself on reconnect; what was published meanwhile is gone.
    subscriber.on('ready', () => {
      if (!this.lostLink) return
      this.lostLink = false
      logger.info('Redis link back: reloading open rooms from the database')
      for (const handler of this.resyncHandlers) handler()
    })
  }

  static async connect(url: string, logger: Logger): Promise<RedisRelay> {
    const options = {
      // Commands fail (rather than wait forever) while Redis is away; subscriptions are renewed.
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
      lazyConnect: true,
    }
    const commands = new Redis(url, options)
    const subscriber = new Redis(url, { ...options, maxRetriesPerRequest: null })
    try {
      await Promise.all([commands.connect(), subscriber.connect()])
    } catch (error) {
      commands.disconnect()
      subscriber.disconnect()
      throw new Error(`cannot reach Redis at ${url.replace(/\/\/[^@]*@/, '//')}: ${String(error)}`, { cause: error })
    }
    return new RedisRelay(commands, subscriber, logger)
  }

  get healthy(): boolean {
    return this.commands.status === 'ready' && this.subscriber.status === 'ready'
  }

  async subscribe(channel: string): Promise<void> {
    const subscribed = this.subscriber.subscribe(PREFIX + channel)
    // While Redis is away a room still opens: ioredis subscribes when the link returns, and the
    // reload that follows brings whatever was missed meanwhile.
    if (this.subscriber.status !== 'ready') {
      subscribed.catch(() => {})
      return
    }
    await subscribed
  }

  unsubscribe(channel: string): void {
    this.subscriber.unsubscribe(PREFIX + channel).catch(() => {})
  }

  publish(channel: string, message: Buffer): void {
    this.commands.publish(PREFIX + channel, Buffer.concat([this.instanceId, message])).catch((error: unknown) => {
      if (!this.lostLink) this.logger.error({ err: error }, 'Redis publish failed')
    })
  }

  onMessage(handler: (channel: string, message: Buffer) => void): void {
    this.messageHandlers.push(handler)
  }

  onResync(handler: () => void): void {
    this.resyncHandlers.push(handler)
  }

  async withLease(name: string, ttlMs: number, work: () => Promise<void>, keep = false): Promise<boolean> {
    const key = `${PREFIX}lease:${name}`
    let granted: boolean
    try {
      granted = (await this.commands.set(key, this.owner, 'PX', ttlMs, 'NX')) === 'OK'
    } catch (error) {
      // Without Redis nobody can hold a lease; the work is safe to repeat (a reveal skips cards
      // already on the board), and not doing it would leave the room waiting.
      this.logger.warn({ lease: name, err: error }, 'lease taken without Redis')
      granted = true
    }
    if (!granted) return false
    try {
      await work()
    } finally {
      if (!keep) await this.commands.eval(RELEASE, 1, key, this.owner).catch(() => {})
    }
    return true
  }

  remember(key: string, value: string, ttlMs: number): void {
    this.commands.set(`${PREFIX}kept:${key}`, value, 'PX', Math.max(1, Math.ceil(ttlMs))).catch((error: unknown) => {
      if (!this.lostLink) this.logger.warn({ err: error }, 'Redis could not keep a value')
    })
  }

  async recall(key: string): Promise<string | null> {
    if (this.commands.status !== 'ready') return null
    return this.commands.get(`${PREFIX}kept:${key}`).catch(() => null)
  }

  /**
   * A limit every instance counts together (`s2s:limit:<name>:<key>`, INCR with PEXPIRE in one
   * script). While Redis cannot answer, each instance counts alone: the limit then holds per
   * instance (at most instances × max), rather than refusing everyone (a room could not join
   * while Redis restarts) or nobody (a script could create workshops without end).
   */
  limiter(spec: WindowLimitSpec): WindowLimit {
    const local = localWindowLimit(spec)
    const keyOf = (key: string) => `${PREFIX}limit:${spec.name}:${key}`
    const shared = <T>(ask: () => Promise<T>, fallback: () => Promise<T>): Promise<T> => {
      if (this.commands.status !== 'ready') return fallback()
      return ask().catch((error: unknown) => {
        this.logger.warn({ limit: spec.name, err: error }, 'limit counted on this instance only')
        return fallback()
      })
    }
    return {
      take: (key) =>
        shared(
          async () => ((await this.commands.eval(TAKE, 1, keyOf(key), spec.windowMs)) as number) <= spec.max,
          () => local.take(key),
        ),
      blockedFor: (key) =>
        shared(
          async () => (await this.commands.eval(BLOCKED, 1, keyOf(key), spec.max)) as number,
          () => local.blockedFor(key),
        ),
    }
  }

  async close(): Promise<void> {
    this.lostLink = true
    this.commands.disconnect()
    this.subscriber.disconnect()
  }
}
