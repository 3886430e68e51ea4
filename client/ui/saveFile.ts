/** Hands a file to the browser's downloads, as a link with `download` would. */
export function saveFile({ blob, filename }: { blob: Blob; filename: string }): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later, not at once: some browsers read the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
