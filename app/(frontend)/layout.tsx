import type { ReactNode } from 'react'

import './reference.css'

export const metadata = { title: 'Newsroom — reference article page' }

/** The reference frontend: plain, accessible pages that show frontend teams how to use the read model. */
export default function FrontendLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr">
      <body>{children}</body>
    </html>
  )
}
