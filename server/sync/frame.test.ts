import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import { binaryFrame, messageOfFrame } from './frame.ts'
import { syncUpdateHeader } from './messages.ts'

describe('broadcast frames', () => {
  // Messages of 125/126/127 and 65,535/65,536 bytes sit on the edges of the frame's length forms.
  it.each([10, 122, 123, 124, 200, 65_530, 65_531, 70_000])('frame a %i-byte update with its message header in one buffer', (size) => {
    const update = Uint8Array.from({ length: size }, (_, i) => i % 251)
    const frame = binaryFrame(update, syncUpdateHeader(update))
    const message = messageOfFrame(frame)
    // The frame's header says how long the message is, and the message is a sync update carrying it.
    const declared = frame[1]! < 126 ? frame[1]! : frame[1] === 126 ? frame.readUInt16BE(2) : frame.readUInt32BE(6)
    expect(frame[0]).toBe(0x82)
    expect(declared).toBe(message.byteLength)
    const decoder = decoding.createDecoder(message)
    expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([0, 2])
    expect(decoding.readVarUint8Array(decoder)).toEqual(update)
  })
})
