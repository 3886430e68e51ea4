/** "10:42" in the page's language, on a 24-hour clock in both (a workshop day, not a schedule). */
export function formatClock(at: number, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at)
}
