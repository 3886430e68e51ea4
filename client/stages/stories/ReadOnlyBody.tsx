import { Fragment, useMemo, useSyncExternalStore, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { resolveCitation, type CitableBoard } from '../../../shared/doc/stories/index.ts'
import { readStoryBody, type Block, type Inline } from '../../../shared/export/storyBody.ts'
import { splitFirstWord } from './chipText.ts'
import { KindIcon } from './kindIcons.tsx'

const nextFrame: (fn: () => void) => void = typeof requestAnimationFrame === 'function' ? (fn) => requestAnimationFrame(() => fn()) : (fn) => setTimeout(fn, 16)

const NO_BLOCKS: readonly Block[] = []

/** A body's blocks, live: re-read at most once a frame while the groups type. None without a body. */
export function useBodyBlocks(body: Y.XmlFragment | null): readonly Block[] {
  const store = useMemo(() => {
    if (!body) return { get: () => NO_BLOCKS, subscribe: () => () => {} }
    let blocks = readStoryBody(body)
    let scheduled = false
    return {
      get: () => blocks,
      subscribe(listener: () => void) {
        const onChange = () => {
          if (scheduled) return
          scheduled = true
          nextFrame(() => {
            scheduled = false
            blocks = readStoryBody(body)
            listener()
          })
        }
        body.observeDeep(onChange)
        return () => body.unobserveDeep(onChange)
      },
    }
  }, [body])
  return useSyncExternalStore(store.subscribe, store.get)
}

interface ReadOnlyBodyProps {
  blocks: readonly Block[]
  board: CitableBoard
  /** The level of the story's title on the page; the story's own headings go one and two below. */
  titleLevel: 2 | 3
}

/**
 * A story body rendered read-only from the same fragment the editor writes (its blocks read by
 * `useBodyBlocks`), without an editor: the projector shows it big and live, and never downloads
 * ProseMirror. User text is rendered as text only.
 */
export function ReadOnlyBody({ blocks, board, titleLevel }: ReadOnlyBodyProps) {
  return <div className="story-read">{renderBlocks(blocks, { board, titleLevel })}</div>
}

interface RenderContext {
  board: CitableBoard
  titleLevel: number
}

function renderBlocks(blocks: readonly Block[], context: RenderContext): ReactNode {
  return blocks.map((block, i) => <BlockView key={i} block={block} context={context} />)
}

function BlockView({ block, context }: { block: Block; context: RenderContext }) {
  const { board } = context
  switch (block.type) {
    case 'paragraph':
      return <p>{renderInlines(block.content, board)}</p>
    case 'heading': {
      // Below the story's own title, as in the editor (document levels 2 and 3).
      const level = Math.min(6, context.titleLevel + Math.max(1, block.level - 1))
      const Heading = `h${level}` as 'h4'
      return <Heading className={`story-read__heading${block.level > 2 ? ' story-read__heading--minor' : ''}`}>{renderInlines(block.content, board)}</Heading>
    }
    case 'bulletList':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>{renderBlocks(item, context)}</li>
          ))}
        </ul>
      )
    case 'orderedList':
      return (
        <ol start={block.start}>
          {block.items.map((item, i) => (
            <li key={i}>{renderBlocks(item, context)}</li>
          ))}
        </ol>
      )
    case 'blockquote':
      return <blockquote>{renderBlocks(block.blocks, context)}</blockquote>
  }
}

function renderInlines(inlines: readonly Inline[], board: CitableBoard): ReactNode {
  return inlines.map((inline, i) => {
    if (inline.type === 'break') return <br key={i} />
    if (inline.type === 'citation') return <ReadOnlyChip key={i} inline={inline} board={board} />
    let node: ReactNode = inline.text
    if (inline.italic) node = <em>{node}</em>
    if (inline.bold) node = <strong>{node}</strong>
    return <Fragment key={i}>{node}</Fragment>
  })
}

function ReadOnlyChip({ inline, board }: { inline: Extract<Inline, { type: 'citation' }>; board: CitableBoard }) {
  const { t } = useTranslation()
  const { name, removed } = resolveCitation(inline, board)
  const [first, rest] = splitFirstWord(name)
  return (
    <span className={`citation citation--${inline.kind}${removed ? ' citation--removed' : ''}`}>
      <span className="citation__lead">
        <KindIcon kind={inline.kind} className="citation__icon" />
        {removed ? (
          <span className="citation__removed">{`${t(`stories.chip.removed.${inline.kind}`)} `}</span>
        ) : (
          <span className="visually-hidden">{`${t(`stories.kind.${inline.kind}`)}: `}</span>
        )}
        <span className="citation__label">{first}</span>
      </span>
      <span className="citation__label">{rest}</span>
    </span>
  )
}
