/**
 * The gentle "time is up" signal for the facilitator's laptop: two soft sine notes, quiet and
 * short, made with WebAudio (no sound file to download). Only the facilitator's device chimes:
 * sixty phones chiming at once would be an alarm, not a signal. The mute choice is remembered on
 * this device.
 */
import { useDeviceSwitch } from '../../../ui/useDeviceSwitch.ts'

type AudioContextClass = typeof AudioContext

let context: AudioContext | null = null

function audioContext(): AudioContext | null {
  if (context) return context
  const Class =
    typeof window === 'undefined' ? undefined : (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext)
  if (!Class) return null
  try {
    context = new Class()
  } catch {
    return null
  }
  return context
}

/**
 * Browsers let a page make sound only after a click or key press in it: call this from one (the
 * console does on any press), so the chime can sound minutes later.
 */
export function primeChime(): void {
  const audio = audioContext()
  if (audio?.state === 'suspended') void audio.resume().catch(() => {})
}

/** A fifth apart (E5, B5), each fading out over about a second and a half. */
const NOTES_HZ = [659.25, 987.77]
const PEAK_GAIN = 0.08

export function playChime(): void {
  const audio = audioContext()
  if (!audio) return
  if (audio.state === 'suspended') void audio.resume().catch(() => {})
  const start = audio.currentTime + 0.05
  NOTES_HZ.forEach((frequency, index) => {
    const at = start + index * 0.35
    const oscillator = audio.createOscillator()
    const gain = audio.createGain()
    oscillator.type = 'sine'
    oscillator.frequency.value = frequency
    gain.gain.setValueAtTime(0.0001, at)
    gain.gain.exponentialRampToValueAtTime(PEAK_GAIN, at + 0.03)
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.5)
    oscillator.connect(gain).connect(audio.destination)
    oscillator.start(at)
    oscillator.stop(at + 1.6)
  })
}

const MUTED_KEY = 's2s:chime:muted'

/** Whether the chime is muted on this device, and the setter (remembered in localStorage). */
export function useChimeMuted(): [muted: boolean, setMuted: (muted: boolean) => void] {
  return useDeviceSwitch(MUTED_KEY, false)
}
