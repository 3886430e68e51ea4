import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import type { PendingUpdate } from './docStore.ts'

/** An update with the sequence number it will have in the SQLite log. */
export interface JournalRecord extends PendingUpdate {
  seq: number
}

/** The journal beside the SQLite file in a data directory. */
export function journalPath(dataDir: string): string {
  return join(dataDir, 'workshops.journal')
}

/**
 * Record layout, little-endian: payload length (u32), CRC-32 of the payload (u32), then the
 * payload: seq (f64, an integer), workshop id length (u16) and bytes, document name length (u16)
 * and bytes, the update. The checksum finds a record torn by a crash mid-write: it and anything
 * after it were never acknowledged, so reading stops there.
 */
const HEADER_BYTES = 8
const FIXED_PAYLOAD_BYTES = 8 + 2 + 2

export function encodeRecords(records: readonly JournalRecord[]): Buffer {
  let total = 0
  for (const { workshopId, docName, update } of records) {
    total += HEADER_BYTES + FIXED_PAYLOAD_BYTES + Buffer.byteLength(workshopId) + Buffer.byteLength(docName) + update.byteLength
  }
  const out = Buffer.allocUnsafe(total)
  let at = 0
  for (const { seq, workshopId, docName, update } of records) {
    const start = at + HEADER_BYTES
    out.writeDoubleLE(seq, start)
    let p = writeName(out, workshopId, start + 8)
    p = writeName(out, docName, p)
    out.set(update, p)
    const end = p + update.byteLength
    out.writeUInt32LE(end - start, at)
    out.writeUInt32LE(crc32(out.subarray(start, end)), at + 4)
    at = end
  }
  return out
}

/** A u16 byte length and the UTF-8 bytes; returns where the next field starts. */
function writeName(out: Buffer, name: string, at: number): number {
  const length = out.write(name, at + 2)
  out[at] = length & 0xff
  out[at + 1] = length >>> 8
  return at + 2 + length
}

/** The whole records of a journal's bytes, in order, up to the first torn or damaged one. */
export function decodeRecords(bytes: Buffer): JournalRecord[] {
  const records: JournalRecord[] = []
  let at = 0
  while (at + HEADER_BYTES <= bytes.length) {
    const length = bytes.readUInt32LE(at)
    const start = at + HEADER_BYTES
    const end = start + length
    if (length < FIXED_PAYLOAD_BYTES || end > bytes.length || crc32(bytes.subarray(start, end)) !== bytes.readUInt32LE(at + 4)) break
    const seq = bytes.readDoubleLE(start)
    const workshopEnd = start + 10 + bytes.readUInt16LE(start + 8)
    const docStart = workshopEnd + 2
    const docEnd = docStart + bytes.readUInt16LE(workshopEnd)
    if (docEnd > end) break
    records.push({
      seq,
      workshopId: bytes.toString('utf8', start + 10, workshopEnd),
      docName: bytes.toString('utf8', docStart, docEnd),
      // A copy: the records outlive the file's buffer, which may be large.
      update: Uint8Array.prototype.slice.call(bytes, docEnd, end),
    })
    at = end
  }
  return records
}

/** Reads a journal without changing it (the export reads a running server's this way). */
export function readJournal(path: string): JournalRecord[] {
  return existsSync(path) ? decodeRecords(readFileSync(path)) : []
}

/**
 * An append-only file of updates: each turn's batch is one `write` system call. Once `append`
 * returns, the bytes are the operating system's: a crash of this process cannot lose them.
 */
export class UpdateJournal {
  private readonly fd: number
  /** Bytes of whole records in the file: a failed write is cut back to here. */
  private length = 0
  /** A failed write left a partial record that could not be cut: nothing may follow it. */
  private torn = false

  /** Starts the journal empty: its earlier records must be in SQLite already (replayed). */
  constructor(readonly path: string) {
    this.fd = openSync(path, 'a')
    ftruncateSync(this.fd, 0)
  }

  append(records: readonly JournalRecord[]): void {
    if (this.torn) {
      // Cut the partial record before anything follows it; this throws while the disk still fails.
      ftruncateSync(this.fd, this.length)
      this.torn = false
    }
    const bytes = encodeRecords(records)
    try {
      let written = 0
      while (written < bytes.length) written += writeSync(this.fd, bytes, written)
    } catch (error) {
      // A full disk can take part of a write: no half record may stay for a later one to follow.
      try {
        ftruncateSync(this.fd, this.length)
      } catch {
        // Reading would stop at the torn record and never see what followed: cut it before the next append.
        this.torn = true
      }
      throw error
    }
    this.length += bytes.length
  }

  /** Empties the journal once everything in it is in SQLite. */
  clear(): void {
    ftruncateSync(this.fd, 0)
    this.length = 0
    this.torn = false
  }

  close(): void {
    closeSync(this.fd)
  }
}
