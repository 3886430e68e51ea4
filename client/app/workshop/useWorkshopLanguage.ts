import { useEffect } from 'react'
import { workshopLanguage } from '../../i18n/language.ts'
import { selectMetaLanguage } from '../../state/selectors.ts'
import { useStore } from '../../state/store.ts'

/**
 * Inside a workshop the UI speaks the workshop's language (control doc meta) unless this person
 * switched in this workshop (see i18n/language.ts for the precedence).
 */
export function useWorkshopLanguage(workshopId: string): void {
  const metaLanguage = useStore(selectMetaLanguage)
  useEffect(() => {
    useStore.getState().setLanguage(workshopLanguage(workshopId, metaLanguage))
  }, [workshopId, metaLanguage])
}
