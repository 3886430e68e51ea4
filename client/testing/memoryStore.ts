/**
 * A stand-in for the browser's localStorage in unit tests (`KeyValueStore`), its values in sight
 * as `values` to check what was written.
 */
export function memoryStore(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial))
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
    key: (index: number) => [...values.keys()][index] ?? null,
    get length() {
      return values.size
    },
    values,
  }
}
