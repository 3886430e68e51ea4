/**
 * One story open for writing: its persona, the collaborative text with its toolbar and citation
 * picker, and beside it the sources the text cites and the trends to draw on. Loaded on demand
 * (the editor is the heaviest code of the stage; the list and the projector never need it).
 */
import { useCallback, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { Role } from '../../../shared/protocol.ts'
import { deleteStory } from '../../../shared/doc/index.ts'
import { citationSources, type CitationSource } from '../../../shared/doc/stories/index.ts'
import type { CitationAttrs, Group, Persona, Story } from '../../../shared/schema/index.ts'
import { useStore } from '../../state/store.ts'
import { useStoryName } from '../../state/useStoryName.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { useAnnounce, useEditingMarker } from '../../ui/index.ts'
import { DeleteStoryDialog } from './DeleteStoryDialog.tsx'
import { CitePicker } from './editor/CitePicker.tsx'
import { revealCitation } from './editor/revealCitation.ts'
import { StoryWriting } from './editor/StoryWriting.tsx'
import { useStoryEditor } from './editor/useStoryEditor.ts'
import { InspirationPanel } from './InspirationPanel.tsx'
import { PersonaCard } from './PersonaCard.tsx'
import { SourcesPanel } from './SourcesPanel.tsx'
import { StoryHeader, type FirstFocus } from './StoryHeader.tsx'
import { useCitableBoard, useGroups, useHorizonYear, useKeyDrivers, usePersona, useResolvedCitations, useStory, useStoryBody } from './useStoriesData.ts'
import './workspace.css'
import { canContribute } from '../../../shared/permissions.ts'
import { useViewer } from '../../state/useViewer.ts'

export interface StoryWorkspaceProps {
  storyId: string
  role: Role
  /** Where the keyboard starts: on "All stories" when opening a story to read, on the title when it was just started. */
  firstFocus: FirstFocus
  onBack(): void
}

export default function StoryWorkspace({ storyId, role, firstFocus, onBack }: StoryWorkspaceProps) {
  const story = useStory(storyId)
  const persona = usePersona(story?.personaId)
  const body = useStoryBody(storyId)
  const groups = useGroups()
  // Others see "Anna is writing" on this story's card, and her name in the header.
  useEditingMarker(storyId)
  // A story deleted under us: the stage goes back to the list and says so.
  if (!story || !persona || !body) return null
  const group = groups.find((g) => g.id === story.groupId) ?? null
  return <Workspace story={story} persona={persona} body={body} group={group} role={role} firstFocus={firstFocus} onBack={onBack} />
}

interface WorkspaceProps {
  story: Story
  persona: Persona
  body: Y.XmlFragment
  group: Group | null
  role: Role
  firstFocus: FirstFocus
  onBack(): void
}

function Workspace({ story, persona, body, group, role, firstFocus, onBack }: WorkspaceProps) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const { board: boardDoc } = useWorkshopDocs()
  const participantId = useStore((s) => s.participant?.id ?? null)
  const facilitator = role === 'facilitator'
  const readOnly = !canContribute(useViewer(role))
  const board = useCitableBoard()
  const keyDrivers = useKeyDrivers()
  const year = useHorizonYear()
  const promptId = useId()

  const resolved = useResolvedCitations(body)
  const sources = useMemo(() => citationSources(resolved), [resolved])
  const cited = useMemo(() => new Set(sources.map((s) => `${s.kind}|${s.refId}`)), [sources])
  const trendCount = sources.filter((s) => s.kind === 'trend' && !s.removed).length

  const [picker, setPicker] = useState<{ open: boolean; fromAt: boolean }>({ open: false, fromAt: false })
  const [deleting, setDeleting] = useState(false)
  const openPicker = useCallback((fromAt: boolean) => setPicker({ open: true, fromAt }), [])

  const personaName = persona.name.trim()
  const storyName = useStoryName()
  const prompt = t('stories.prompt', { name: personaName || t('stories.promptSomeone'), year: year ?? '' })
  const editor = useStoryEditor({ body, editable: !readOnly, board, onAt: () => openPicker(true), label: t('stories.writing.label'), describedBy: promptId })

  const cite = useCallback(
    (citation: CitationAttrs) => {
      if (!editor || readOnly) return
      editor.chain().focus().insertCitation(citation).run()
      announce(t('stories.citedAnnouncement', { kind: t(`stories.kind.${citation.kind}`), name: citation.label }))
    },
    [editor, readOnly, announce, t],
  )
  const closePicker = () => {
    // Esc after typing "@": the person meant the character after all.
    if (picker.fromAt && editor) editor.chain().focus().insertContent('@').run()
    setPicker({ open: false, fromAt: false })
  }
  const reveal = useCallback((source: CitationSource) => editor !== null && revealCitation(editor, source.kind, source.refId), [editor])

  // What the story is called until it has a title (and the title field's placeholder).
  const fallbackTitle = storyName({ ...story, title: '' })
  const canDelete = !readOnly && (facilitator || story.createdBy === participantId)

  return (
    <article className="story-workspace ui-stack" aria-label={storyName(story)}>
      <StoryHeader
        story={story}
        group={group}
        fallbackTitle={fallbackTitle}
        trendCount={trendCount}
        readOnly={readOnly}
        facilitator={facilitator}
        canDelete={canDelete}
        firstFocus={firstFocus}
        onBack={onBack}
        onDelete={() => setDeleting(true)}
      />
      <div className="story-workspace__grid">
        <div className="story-workspace__main">
          <PersonaCard persona={persona} readOnly={readOnly} />
          <StoryWriting editor={editor} prompt={prompt} promptId={promptId} readOnly={readOnly} onCite={() => openPicker(false)} />
        </div>
        <aside className="story-workspace__side" aria-label={t('stories.side')}>
          <SourcesPanel sources={sources} onReveal={reveal} />
          <InspirationPanel board={board} keyDrivers={keyDrivers} groupTrendId={group?.trendId ?? null} cited={cited} onCite={readOnly ? undefined : cite} />
        </aside>
      </div>
      <CitePicker
        open={picker.open}
        board={board}
        keyDrivers={keyDrivers}
        cited={cited}
        onClose={closePicker}
        onPick={(citation) => {
          setPicker({ open: false, fromAt: false })
          cite(citation)
        }}
      />
      <DeleteStoryDialog
        open={deleting}
        title={storyName(story)}
        onClose={() => setDeleting(false)}
        onConfirm={() => {
          setDeleting(false)
          if (boardDoc) deleteStory(boardDoc, story.id)
          announce(t('stories.delete.done'))
          onBack()
        }}
      />
    </article>
  )
}
