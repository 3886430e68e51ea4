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
export { readExportSnapshot, type ExportInput, type ExportOptions, type ExportSnapshot, type ExportSource } from './snapshot'
export { buildReport, type Report } from './report'
export { exportMarkdown, renderMarkdown } from './markdown'
export { exportHtml, renderHtml, REPORT_CSP } from './html'
export { exportSignalsCsv, csvCell } from './csv'
export { exportWorkshopJson, workshopExport, EXPORT_FORMAT, FORMAT_VERSION, type WorkshopExportFile, type WorkshopSummary } from './workshopJson'
export { importWorkshop, looksTruncated, type ImportErrorCode, type ImportResult, type ImportedWorkshop } from './importWorkshop'
export { CONTENT_TYPES, EXPORT_FORMATS, exportFilename, isExportFormat, type ExportFormat } from './formats'
export { wheelSvg, type WheelSvgNode, type WheelSvgOptions } from './wheelSvg'
export { readStoryBody, type Block, type Inline } from './storyBody'
export { phrasesFor, type Phrases } from './catalogue'
