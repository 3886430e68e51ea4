import { STEEP_CATEGORIES, type SteepCategory } from '../../schema/index'

/** Every category value a card may carry, including "none chosen". */
export const CATEGORY_VALUES: readonly SteepCategory[] = [...STEEP_CATEGORIES, '']
