import { EditorContent, useEditorState, type Editor } from '@tiptap/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { EditorToolbar } from './EditorToolbar.tsx'
import './editor.css'

interface StoryWritingProps {
  editor: Editor | null
  /** "A day in the life of Aino in 2040": the prompt, also the text area's description. */
  prompt: string
  promptId: string
  readOnly: boolean
  onCite(): void
}

/** The page the group writes on: the prompt, the toolbar and the text, with a hint while empty. */
export function StoryWriting({ editor, prompt, promptId, readOnly, onCite }: StoryWritingProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const isEmpty = useEditorState({ editor, selector: ({ editor: e }) => e?.isEmpty ?? true })
  return (
    <section className="story-writing ui-frame" aria-labelledby={headingId}>
      <h4 id={headingId} className="visually-hidden">
        {t('stories.writing.title')}
      </h4>
      <p id={promptId} className="story-writing__prompt">
        {prompt}
      </p>
      {!readOnly && <EditorToolbar editor={editor} onCite={onCite} disabled={readOnly} />}
      <div className="story-writing__page">
        {isEmpty && (
          <p className="story-writing__placeholder" aria-hidden="true">
            {t(readOnly ? 'stories.writing.emptyReadOnly' : 'stories.writing.placeholder')}
          </p>
        )}
        <EditorContent editor={editor} className="story-writing__content" />
      </div>
      {!readOnly && <p className="story-writing__hint">{t('stories.writing.hint')}</p>}
    </section>
  )
}
