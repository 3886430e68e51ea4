import { useCallback, useState } from 'react'
import type { WheelViewMode } from './WheelPanel.tsx'

function read(key: string): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(key)
  } catch {
    return null
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // Private mode or full storage: the choice holds for this page only.
  }
}

/** A small choice remembered on this device (localStorage), per key. */
export function useRemembered(key: string | null): [string | null, (value: string) => void] {
  const [value, setValue] = useState<{ key: string | null; value: string | null }>(() => ({ key, value: key ? read(key) : null }))
  // A different workshop (key) reads its own memory.
  const current = value.key === key ? value.value : key ? read(key) : null
  const remember = useCallback(
    (next: string) => {
      if (key) write(key, next)
      setValue({ key, value: next })
    },
    [key],
  )
  return [current, remember]
}

/**
 * Diagram or list, remembered on this device. Every device starts with the diagram, so a table
 * looking at a phone and a laptop sees one picture; a person who prefers the list switches with
 * the visible toggle, and that choice is theirs alone.
 */
export function useViewMode(): [WheelViewMode, (mode: WheelViewMode) => void] {
  const [stored, remember] = useRemembered('s2s:wheel-view')
  const mode: WheelViewMode = stored === 'list' ? 'list' : 'diagram'
  return [mode, remember]
}
