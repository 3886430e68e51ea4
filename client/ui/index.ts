/**
 * Shared UI primitives for the stages and the workshop shell. Each carries TSDoc with an example.
 */
export { Dialog } from './Dialog.tsx'
export { CategoryTag } from './CategoryTag.tsx'
export { PersonChip } from './PersonChip.tsx'
export { EmptyState } from './EmptyState.tsx'
export { VisuallyHidden } from './VisuallyHidden.tsx'
export { LiveAnnouncer, useAnnounce, useClearAnnouncements, AnnounceCapture } from './LiveAnnouncer.tsx'
export { useEditingMarker, useEditorsOf } from './editing.ts'
export { EditingNote } from './EditingNote.tsx'
export { InlineConfirm } from './InlineConfirm.tsx'
export { useMediaQuery } from './useMediaQuery.ts'
export { moveFocusWithArrows } from './arrowKeys.ts'
export { lengthField, lengthStatus } from './LengthCounter.tsx'
