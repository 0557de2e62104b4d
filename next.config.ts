import type { NextConfig } from 'next'

import { withPayload } from '@payloadcms/next/withPayload'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const projectRoot = path.dirname(fileURLToPath(import.meta.url))

const nextConfig: NextConfig = {
  // The floating dev badge covers the admin in screenshots.
  devIndicators: false,
  turbopack: { root: projectRoot },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
