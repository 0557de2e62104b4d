import type { NextConfig } from 'next'

import { withPayload } from '@payloadcms/next/withPayload'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const projectRoot = path.dirname(fileURLToPath(import.meta.url))

const nextConfig: NextConfig = {
  // The floating dev badge covers the admin in screenshots.
  devIndicators: false,
  // Well-known addresses the plugin's endpoints answer: the key set that verifies the signed
  // provenance manifests (docs/provenance.md), and TDMRep's text-and-data-mining rules.
  rewrites: async () => [
    { destination: '/api/articles/provenance/keys', source: '/.well-known/newsroom-keys.json' },
    { destination: '/api/articles/tdmrep', source: '/.well-known/tdmrep.json' },
  ],
  turbopack: { root: projectRoot },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
