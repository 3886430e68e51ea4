/**
 * The chip as the editor draws it: plain DOM (a chip is tiny and there may be dozens; a React
 * root each would cost more than it gives). Its words come from the status decoration, see
 * citationNode.ts.
 */
import type { NodeViewRenderer } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import type { Decoration } from '@tiptap/pm/view'
import type { CitationKind } from '../../../../shared/schema/index.ts'
import { splitFirstWord } from '../chipText.ts'
import { kindIconElement } from '../kindIcons.tsx'

/** Translated words for chips (the node view lives outside React). */
export interface ChipLabels {
  /** "Trend", said before the name to screen readers. */
  kind(kind: CitationKind): string
  /** "removed trend:", shown before the label of a chip whose item is gone. */
  removed(kind: CitationKind): string
}

interface ChipStatus {
  name: string
  removed: boolean
}

function statusOf(node: PmNode, decorations: readonly Decoration[]): ChipStatus {
  for (const decoration of decorations) {
    const spec = decoration.spec as { citationName?: unknown; citationRemoved?: unknown }
    if (typeof spec.citationName === 'string') return { name: spec.citationName, removed: spec.citationRemoved === true }
  }
  return { name: String(node.attrs.label ?? ''), removed: false }
}

const KINDS: readonly CitationKind[] = ['trend', 'signal', 'wheelNode']
const kindOf = (node: PmNode): CitationKind => (KINDS.includes(node.attrs.kind) ? node.attrs.kind : 'trend')

export function citationChipView(labels: ChipLabels): NodeViewRenderer {
  return ({ node: initial, decorations: initialDecorations }) => {
    let node = initial
    const dom = document.createElement('span')
    dom.setAttribute('data-citation', '')
    // The icon, the prefix and the label's first word never part at a line end ("↗ | Care…").
    const lead = document.createElement('span')
    lead.className = 'citation__lead'
    const prefix = document.createElement('span')
    const firstWord = document.createElement('span')
    firstWord.className = 'citation__label'
    const rest = document.createElement('span')
    rest.className = 'citation__label'
    let icon: SVGSVGElement | null = null
    let shown = { kind: '' as CitationKind | '', name: '', removed: false }

    const render = (decorations: readonly Decoration[]) => {
      const kind = kindOf(node)
      const { name, removed } = statusOf(node, decorations)
      if (shown.kind === kind && shown.name === name && shown.removed === removed) return
      if (shown.kind !== kind) {
        icon?.remove()
        icon = kindIconElement(kind)
        lead.prepend(icon)
      }
      shown = { kind, name, removed }
      dom.className = `citation citation--${kind}${removed ? ' citation--removed' : ''}`
      dom.setAttribute('data-kind', kind)
      // Live items say their kind to screen readers only (the icon shows it); a removed one says
      // so in words everyone sees.
      prefix.className = removed ? 'citation__removed' : 'visually-hidden'
      prefix.textContent = removed ? `${labels.removed(kind)} ` : `${labels.kind(kind)}: `
      const [first, tail] = splitFirstWord(name)
      firstWord.textContent = first
      rest.textContent = tail
    }

    lead.append(prefix, firstWord)
    dom.append(lead, rest)
    render(initialDecorations)

    return {
      dom,
      update(next, decorations) {
        if (next.type !== node.type) return false
        node = next
        render(decorations)
        return true
      },
      // The chip's DOM is ours; ProseMirror must not read our text changes as typing.
      ignoreMutation: () => true,
    }
  }
}
