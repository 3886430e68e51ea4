import * as Y from 'yjs'
import { addSignal, createWorkshopControl, initBoard } from '../../../shared/doc/index.ts'
import { exportWorkshopJson } from '../../../shared/export/workshopJson.ts'
import { getTemplate } from '../../../shared/method/templates.ts'

const actor = { participantId: 'p-scanner' }

/**
 * The export file of an honest, very full workshop: a signal bank of `signals` cards, each with a
 * title, a description of `descriptionChars` and why it matters, as a scanning team writes them.
 */
export function honestExportFile(signals: number, descriptionChars = 300): string {
  const board = new Y.Doc()
  initBoard(board)
  const control = new Y.Doc()
  createWorkshopControl(control, { title: 'Signal bank' }, getTemplate('quick-signals'))
  const words = 'care robots in elderly homes change who does the night shift and what families expect '
  const description = words
    .repeat(Math.ceil(descriptionChars / words.length))
    .slice(0, descriptionChars)
    .trim()
  for (let i = 0; i < signals; i++) {
    addSignal(
      board,
      {
        title: `Signal ${i + 1}: ${words.slice(0, 40)}`,
        description: `${i} ${description}`,
        whyItMatters: description.slice(0, 400),
        category: 'technological',
      },
      actor,
    )
  }
  return exportWorkshopJson({ board, control }, { generatedAt: new Date() })
}
