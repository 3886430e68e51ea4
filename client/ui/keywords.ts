/**
 * Between the words two cards share ("home care · housing · eldercare"): the dot stays at the end
 * of a line, never at the start of the next, where it read as a list bullet ("· eldercare ·").
 */
export const KEYWORD_SEPARATOR = '\u00A0· '
