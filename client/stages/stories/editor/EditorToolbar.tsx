import { useEditorState, type Editor } from '@tiptap/react'
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ToolIcon, type ToolIconName } from './ToolIcon.tsx'

interface ToolbarProps {
  editor: Editor | null
  onCite(): void
  /** Read-only (locked): the buttons stay visible but do nothing. */
  disabled: boolean
}

/** A command chain that has already taken focus back to the text. */
type Chain = ReturnType<Editor['chain']>

type Toggle = 'heading' | 'bold' | 'italic' | 'bulletList' | 'orderedList' | 'blockquote'

const EMPTY_STATE = { heading: false, bold: false, italic: false, bulletList: false, orderedList: false, blockquote: false, canUndo: false, canRedo: false }

/**
 * The writing toolbar: a few formats, "Cite…", undo and redo. One tab stop (arrow keys move
 * inside, as in any toolbar); pressing a button never takes the caret out of the text. Ctrl/Cmd+B
 * and +I work in the text as well; the buttons say so.
 */
export function EditorToolbar({ editor, onCite, disabled }: ToolbarProps) {
  const { t } = useTranslation()
  const state =
    useEditorState({
      editor,
      selector: ({ editor: e }) =>
        e
          ? {
              heading: e.isActive('heading'),
              bold: e.isActive('bold'),
              italic: e.isActive('italic'),
              bulletList: e.isActive('bulletList'),
              orderedList: e.isActive('orderedList'),
              blockquote: e.isActive('blockquote'),
              canUndo: e.can().undo(),
              canRedo: e.can().redo(),
            }
          : EMPTY_STATE,
    }) ?? EMPTY_STATE

  const run = (command: (chain: Chain) => Chain) => {
    if (editor && !disabled) command(editor.chain().focus()).run()
  }
  const toggles: { name: Toggle; icon: ToolIconName; shortcut?: string; apply(chain: Chain): Chain }[] = [
    { name: 'heading', icon: 'heading', apply: (c) => c.toggleHeading({ level: 2 }) },
    { name: 'bold', icon: 'bold', shortcut: 'Control+B', apply: (c) => c.toggleBold() },
    { name: 'italic', icon: 'italic', shortcut: 'Control+I', apply: (c) => c.toggleItalic() },
    { name: 'bulletList', icon: 'bulletList', apply: (c) => c.toggleBulletList() },
    { name: 'orderedList', icon: 'orderedList', apply: (c) => c.toggleOrderedList() },
    { name: 'blockquote', icon: 'blockquote', apply: (c) => c.toggleBlockquote() },
  ]

  return (
    <RovingToolbar label={t('stories.toolbar.label')}>
      <span className="story-toolbar__group">
        {toggles.map((toggle) => (
          <ToolButton
            key={toggle.name}
            label={t(`stories.toolbar.${toggle.name}`)}
            shortcut={toggle.shortcut}
            pressed={state[toggle.name]}
            disabled={disabled || !editor}
            onClick={() => run(toggle.apply)}
          >
            <ToolIcon name={toggle.icon} />
          </ToolButton>
        ))}
      </span>
      <span className="story-toolbar__group">
        <button type="button" className="story-toolbar__cite" disabled={disabled || !editor} onMouseDown={keepCaret} onClick={onCite} aria-keyshortcuts="@">
          <ToolIcon name="cite" />
          {t('stories.toolbar.cite')}
        </button>
      </span>
      <span className="story-toolbar__group story-toolbar__group--end">
        <ToolButton label={t('stories.toolbar.undo')} shortcut="Control+Z" disabled={disabled || !state.canUndo} onClick={() => run((c) => c.undo())}>
          <ToolIcon name="undo" />
        </ToolButton>
        <ToolButton label={t('stories.toolbar.redo')} shortcut="Control+Shift+Z" disabled={disabled || !state.canRedo} onClick={() => run((c) => c.redo())}>
          <ToolIcon name="redo" />
        </ToolButton>
      </span>
    </RovingToolbar>
  )
}

/** A mouse press on a tool must not move focus (and the selection) out of the text. */
const keepCaret = (event: { preventDefault(): void }) => event.preventDefault()

function ToolButton({
  label,
  shortcut,
  pressed,
  disabled,
  onClick,
  children,
}: {
  label: string
  shortcut?: string | undefined
  pressed?: boolean
  disabled: boolean
  onClick(): void
  children: ReactNode
}) {
  return (
    <button
      type="button"
      className="story-toolbar__button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut}
      disabled={disabled}
      onMouseDown={keepCaret}
      onClick={onClick}
    >
      {children}
    </button>
  )
}

/** role="toolbar" with one tab stop: ←/→, Home and End move between the enabled buttons. */
function RovingToolbar({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  const [current, setCurrent] = useState(0)
  const enabledButtons = () => [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])]

  // After every render (buttons enable and disable as the caret moves): only one is tabbable.
  useLayoutEffect(() => {
    const enabled = enabledButtons()
    const active = enabled[Math.min(current, enabled.length - 1)] ?? null
    ref.current?.querySelectorAll<HTMLButtonElement>('button').forEach((button) => (button.tabIndex = button === active ? 0 : -1))
  })

  const onKeyDown = (event: KeyboardEvent) => {
    const list = enabledButtons()
    const at = list.indexOf(document.activeElement as HTMLButtonElement)
    if (at < 0) return
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: list.length - 1 }[event.key]
    if (next === undefined) return
    event.preventDefault()
    list[(next + list.length) % list.length]?.focus()
  }

  return (
    <div
      ref={ref}
      className="story-toolbar"
      role="toolbar"
      aria-label={label}
      onKeyDown={onKeyDown}
      onFocus={(event) => setCurrent(Math.max(0, enabledButtons().indexOf(event.target as unknown as HTMLButtonElement)))}
    >
      {children}
    </div>
  )
}
