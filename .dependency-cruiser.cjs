/**
 * The direction of the plugin's code, checked in CI (`npm run lint:deps`). Each line of `layers` may
 * import the lines above it and never the lines below it, nor another folder of its own line:
 * plugin.ts → collections → features → shared code. A newcomer reads a folder knowing that nothing
 * it imports comes back to it.
 */
const layers = [
  ['src/translations', 'src/types.ts'],
  ['src/utilities'],
  ['src/rules', 'src/fields'],
  ['src/users'],
  ['src/transactions', 'src/limits'],
  ['src/workflow'],
  ['src/notifications'],
  ['src/guarantee', 'src/summaries', 'src/media', 'src/admin'],
  ['src/ingest', 'src/delivery'],
  ['src/partners', 'src/provenance'],
  ['collections/[^/]+'],
  ['src/(plugin|defaults|validateOptions|index)\\.ts', 'src/exports'],
]

const pattern = (folder) => `^(${folder})(/|$)`

const layerRules = layers.flatMap((line, index) => {
  const below = layers.slice(index + 1).flat()
  // The entries (plugin.ts, index.ts, exports/) are the package's surface: they may name each other.
  const siblings = index === layers.length - 1 ? [] : line
  if (below.length === 0 && siblings.length === 0) return []
  return line.map((folder) => ({
    name: `${folder.replace('[^/]+', '<collection>').replace(/\\/g, '')} imports only what lies above it`,
    comment: `${folder} may not import ${below.join(', ') || 'anything later'} or another folder of its own line (${line.join(', ')}).`,
    severity: 'error',
    from: { path: pattern(folder) },
    to: folder.startsWith('collections')
      ? // A collection's own files import each other; other collections are refused.
        { path: [...below.map(pattern), '^collections/'], pathNot: '^$1/' }
      : { path: [...below, ...siblings.filter((other) => other !== folder)].map(pattern) },
  }))
})

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No file imports itself through others.',
      severity: 'error',
      from: { path: '^(src|collections)/' },
      to: { circular: true },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
}
