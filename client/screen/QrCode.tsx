import { useEffect, useState } from 'react'
import './qr.css'

interface QrCodeProps {
  /** The text to encode (a link). */
  value: string
  /** What the code is, for people who cannot see it ("QR code: link to join the workshop"). */
  label: string
  className?: string
}

/**
 * A QR code as an image, made by the `qrcode` package (loaded only when a code is shown). Black on
 * white with a quiet zone, medium error correction: phones read it off a washed-out projector
 * from the back of the room. The image scales without blurring (see `.qr` in screen.css).
 */
export function QrCode({ value, label, className }: QrCodeProps) {
  const [image, setImage] = useState<{ value: string; src: string } | null>(null)
  useEffect(() => {
    let active = true
    void import('qrcode')
      .then(({ toDataURL }) => toDataURL(value, { errorCorrectionLevel: 'M', margin: 2, scale: 8, color: { dark: '#000000', light: '#ffffff' } }))
      .then((src) => active && setImage({ value, src }))
      .catch(() => active && setImage(null))
    return () => {
      active = false
    }
  }, [value])
  const classes = ['qr', className].filter(Boolean).join(' ')
  // Until the image exists (or if it cannot be made), a same-sized blank keeps the layout still.
  if (!image || image.value !== value) return <span className={`${classes} qr--pending`} role="img" aria-label={label} />
  return <img className={classes} src={image.src} alt={label} />
}
