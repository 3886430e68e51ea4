import { useEffect } from 'react'
import { joinAsParticipant, markFacilitatorPerson } from '../../../shared/doc/index.ts'
import type { Role } from '../../../shared/protocol.ts'
import { useStore } from '../../state/store.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { outsideUndo, useUndoManager } from '../../sync/UndoContext.tsx'
import { useSamePeople } from './samePeople.ts'

/**
 * Puts this person's name on the board (participants list of the export, names on cards), and
 * renames them there when they change it. Waits for the first sync so a name already stored is
 * not written again, and for an unlocked board (the server would refuse the write). Facilitators
 * join too; presence marks them, not the record, and the control document notes them as people
 * of the facilitator's link, whom the facilitator's other devices may continue as.
 */
export function useJoinBoard(role: Role): void {
  const { board, control } = useWorkshopDocs()
  const manager = useUndoManager()
  const participantId = useStore((s) => s.participant?.id ?? null)
  const name = useStore((s) => s.participant?.name ?? '')
  const stored = useStore((s) => (participantId ? (s.board?.participants.get(participantId)?.name ?? null) : null))
  const synced = useStore((s) => s.connection.board.synced)
  const locked = useStore((s) => s.control?.locked === true)
  // A facilitator's other device, named as someone on the board: asked first (SamePersonDialog).
  const samePerson = useSamePeople(role === 'facilitator').length > 0
  // Asked once no other dialog is open (the name dialog, just closed, or any other).
  const dialogOpen = useStore((s) => s.ui.dialog !== null)
  // A facilitator's device waits for the control document too: it says who joined from the
  // facilitator's link, whom this device may be (SamePersonDialog).
  const controlSynced = useStore((s) => s.connection.control.synced)
  useEffect(() => {
    if (!board || role === 'screen' || !participantId || name === '' || !synced || locked) return
    if (role === 'facilitator' && !controlSynced) return
    if (stored === name) return
    if (samePerson) {
      if (!dialogOpen) useStore.getState().openDialog('samePerson')
      return
    }
    outsideUndo(manager, () => joinAsParticipant(board, { participantId }, name))
  }, [board, role, participantId, name, stored, synced, controlSynced, locked, manager, samePerson, dialogOpen])

  const onBoard = stored !== null
  const noted = useStore((s) => (participantId ? s.control?.facilitatorPeople[participantId] === true : false))
  useEffect(() => {
    if (role !== 'facilitator' || !control || !participantId || !onBoard || noted || !controlSynced) return
    markFacilitatorPerson(control, participantId)
  }, [role, control, participantId, onBoard, noted, controlSynced])
}
