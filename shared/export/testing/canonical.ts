/**
 * A workshop's content as plain, key-sorted JSON, for comparing two workshops: everything
 * `readBoard` and `readControl` see, plus each story body as the editor's XML.
 */
import { getStoryBody, readBoard, readControl } from '../../doc/index'
import type { ExportInput } from '../snapshot'

/**
 * @example
 * expect(canonicalWorkshop(imported)).toEqual(canonicalWorkshop(original))
 */
export function canonicalWorkshop({ board, control }: ExportInput): unknown {
  const boardSnapshot = readBoard(board)
  const bodies = Object.fromEntries([...boardSnapshot.stories.keys()].sort().map((id) => [id, getStoryBody(board, id)?.toJSON() ?? null]))
  return sortKeys({ board: boardSnapshot, control: readControl(control), bodies })
}

function sortKeys(value: unknown): unknown {
  if (value instanceof Map) return sortKeys(Object.fromEntries(value))
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, inner]) => [key, sortKeys(inner)]),
    )
  }
  return value
}
