/** Toolbar icons: 20×20 strokes and letters, decorative (every button has a name). */

export type ToolIconName = 'heading' | 'bold' | 'italic' | 'bulletList' | 'orderedList' | 'blockquote' | 'cite' | 'undo' | 'redo'

const STROKES: Partial<Record<ToolIconName, string>> = {
  bulletList: 'M8 5.5h9 M8 10h9 M8 14.5h9 M3.6 5.5h.1 M3.6 10h.1 M3.6 14.5h.1',
  cite: 'M8.5 11.5l3-3 M7 9l-1.8 1.8a2.5 2.5 0 0 0 3.5 3.5L10.5 12.5 M13 11l1.8-1.8a2.5 2.5 0 0 0-3.5-3.5L9.5 7.5',
  undo: 'M7.5 5.5L4 9l3.5 3.5 M4.5 9h7a4 4 0 0 1 0 8H9',
  redo: 'M12.5 5.5L16 9l-3.5 3.5 M15.5 9h-7a4 4 0 0 0 0 8H11',
  // Lines with a small 1, 2 and 3 drawn as strokes (text inside an icon would be read as its name).
  orderedList:
    'M9 5.5h8 M9 10h8 M9 14.5h8 M3 4.2l1.1-.7v3.6 M2.8 8.6c.4-.6 1.9-.5 1.9.4 0 .8-1.9 1.5-1.9 2.4h2 M2.8 13c.5-.5 1.9-.4 1.9.4 0 .5-.5.8-1 .8.6 0 1.1.3 1.1.9 0 .9-1.5 1.1-2.1.4'.replace(
      /\s+/g,
      ' ',
    ),
}

/** Letters read better than drawings for these three. */
const LETTERS: Partial<Record<ToolIconName, { text: string; style?: Record<string, string> }>> = {
  heading: { text: 'H' },
  bold: { text: 'B' },
  italic: { text: 'I', style: { fontStyle: 'italic', fontFamily: 'Georgia, serif' } },
  blockquote: { text: '\u201C', style: { fontFamily: 'Georgia, serif', fontSize: '22px' } },
}

export function ToolIcon({ name }: { name: ToolIconName }) {
  const letter = LETTERS[name]
  return (
    <svg className="tool-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      {letter ? (
        <text x="10" y={name === 'blockquote' ? 20 : 15} textAnchor="middle" fontSize="14" fontWeight="700" fill="currentColor" style={letter.style}>
          {letter.text}
        </text>
      ) : (
        <path d={STROKES[name]} fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
      )}
    </svg>
  )
}
