/**
 * Shared UI primitives for the stages and the workshop shell. Each carries TSDoc with an example.
 */
export { Dialog, type DialogProps } from './Dialog.tsx'
export { CategoryTag, type CategoryTagProps } from './CategoryTag.tsx'
export { PersonChip, type PersonChipProps } from './PersonChip.tsx'
export { EmptyState, type EmptyStateProps } from './EmptyState.tsx'
export { VisuallyHidden } from './VisuallyHidden.tsx'
export { Switch, type SwitchProps } from './Switch.tsx'
export { LiveAnnouncer, useAnnounce, useClearAnnouncements, AnnounceCapture, type Announce } from './LiveAnnouncer.tsx'
export { useEditingMarker, useEditorsOf, type EditingPerson } from './editing.ts'
export { EditingNote } from './EditingNote.tsx'
export { InlineConfirm } from './InlineConfirm.tsx'
