/**
 * Exports of a workshop, as pure functions of its documents (the browser and the server
 * produce the same bytes from the same state; the date is an input, never the clock):
 *
 * - `exportMarkdown`, `exportHtml`: the readable report (stories first, then trends with their
 *   assessment and signals, unsorted signals, futures wheels, takeaways), in the workshop's
 *   language. The HTML is one self-contained page with a print stylesheet for A4.
 * - `exportSignalsCsv`: the signals for spreadsheets.
 * - `exportWorkshopJson` / `importWorkshop`: the whole workshop, losslessly, and back.
 *
 * PDF is rendered from the HTML on the server (`server/export/pdf.ts`). See README.md here.
 */
export { readExportSnapshot, type ExportInput } from './snapshot'
export { exportMarkdown } from './markdown'
export { exportHtml } from './html'
export { exportSignalsCsv } from './csv'
export { exportWorkshopJson } from './workshopJson'
export { importWorkshop } from './importWorkshop'
export { CONTENT_TYPES, EXPORT_FORMATS, exportFilename, isExportFormat } from './formats'
export { wheelSvg, type WheelSvgNode } from './wheelSvg'
