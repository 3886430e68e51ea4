/**
 * Remembers the last result of a pure function of a few objects. Snapshots share structure, so
 * "same inputs by identity" is both cheap to check and exactly "nothing relevant changed":
 * derived views recompute only when a collection they read was touched.
 */
export function memoLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null
  let lastResult: R
  return (...args: A): R => {
    if (lastArgs !== null && lastArgs.length === args.length && lastArgs.every((arg, i) => arg === args[i])) return lastResult
    lastResult = fn(...args)
    lastArgs = args
    return lastResult
  }
}

/** Like `memoLast` for one object argument, remembering a result per object (many lists at once). */
export function memoByObject<K extends object, R>(fn: (key: K) => R): (key: K) => R {
  const cache = new WeakMap<K, R>()
  return (key: K): R => {
    if (cache.has(key)) return cache.get(key) as R
    const result = fn(key)
    cache.set(key, result)
    return result
  }
}
