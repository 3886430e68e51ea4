import { useRef, type ButtonHTMLAttributes } from 'react'

export interface FileButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'onClick'> {
  /** What the chooser offers (`.csv,text/csv`). */
  accept: string
  /** The file chosen; the same file chosen again (fixed in between) comes again. */
  onFile(file: File): void
}

/**
 * A button that opens the browser's file chooser, in the workshop's words: the browser's own file
 * input speaks the browser's language ("Choose File" in a Finnish workshop) and will not take the
 * app's look. The input stays in the page, out of sight and out of the tab order.
 *
 * @example
 * <FileButton accept=".json,application/json" className="button button--secondary" onFile={open}>
 *   {t('results.backup.choose')}
 * </FileButton>
 */
export function FileButton({ accept, onFile, children, ...button }: FileButtonProps) {
  const input = useRef<HTMLInputElement>(null)
  return (
    <>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        accept={accept}
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) onFile(file)
        }}
        tabIndex={-1}
        aria-hidden="true"
      />
      <button type="button" {...button} onClick={() => input.current?.click()}>
        {children}
      </button>
    </>
  )
}
