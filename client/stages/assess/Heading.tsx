import { createContext, useContext, type ReactNode } from 'react'

/**
 * The level of this stage's section headings. The stage's own name is an h2 under the workshop
 * title on people's screens, and the h1 on the projector; sections sit one level below it.
 */
export const HeadingLevelContext = createContext<2 | 3>(3)

interface HeadingProps {
  id?: string
  className?: string
  /** 1 for a heading inside a section (the tray inside "Your grid"). */
  sub?: boolean
  children: ReactNode
}

export function Heading({ id, className, sub = false, children }: HeadingProps) {
  const level = useContext(HeadingLevelContext) + (sub ? 1 : 0)
  const Tag = `h${level}` as 'h2' | 'h3' | 'h4'
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  )
}
