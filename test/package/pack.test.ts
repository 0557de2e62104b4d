import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/** What `npm pack` puts in the tarball a host installs: the plugin's compiled code and types, nothing of the demo host. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
let destination: string
let entries: string[]
let tarballBytes: number
let packedManifest: Record<string, any>

beforeAll(() => {
  destination = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-pack-'))
  // `prepack` builds dist/ first, so the tarball is always fresh.
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  )
  const tarball = path.join(destination, packed.filename)
  tarballBytes = fs.statSync(tarball).size
  entries = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .sort()
  packedManifest = JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
  )
}, 120_000)

afterAll(() => fs.rmSync(destination, { force: true, recursive: true }))

describe('npm pack', () => {
  it('holds the plugin code and its types, and the documents its README links to', () => {
    console.log(
      `payload-newsroom tarball: ${(tarballBytes / 1024).toFixed(1)} kB, ${entries.length} files\n${entries.join('\n')}`,
    )
    const outsideDist = entries.filter(
      (entry) => !entry.startsWith('package/dist/') && !entry.startsWith('package/docs/'),
    )
    expect(outsideDist).toEqual([
      'package/CHANGELOG.md',
      'package/LICENSE',
      'package/README.md',
      'package/package.json',
    ])
    const unexpected = entries.filter(
      (entry) =>
        entry.startsWith('package/dist/') &&
        !/^package\/dist\/(src|collections)\/.+\.(js|d\.ts)$/.test(entry),
    )
    expect(unexpected).toEqual([])
    // Nothing of the demo host, the tests, the seed, the benchmarks' code or the scripts.
    expect(
      entries.filter((entry) =>
        /\/(app|host|test|seed|bench|scripts)\/|payload\.config|\.tsx?$(?<!\.d\.ts)/.test(entry),
      ),
    ).toEqual([])
    expect(tarballBytes).toBeLessThan(2 * 1024 * 1024)
  })

  it('resolves every relative link of the README and the documents it packs (the package page shows them)', () => {
    const packedDocuments = [
      'README.md',
      ...entries
        .filter((entry) => /^package\/docs\/.+\.md$/.test(entry))
        .map((entry) => entry.slice('package/'.length)),
    ]
    const dead = packedDocuments.flatMap((document) =>
      [
        ...fs
          .readFileSync(path.join(root, document), 'utf8')
          .matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g),
      ]
        .map((match) => match[1]!)
        .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
        .map((target) => path.posix.join(path.posix.dirname(document), target))
        .filter((target) => !entries.includes(`package/${target}`))
        .map((target) => `${document} → ${target}`),
    )
    expect(dead).toEqual([])
  })

  it('ships every file its exports map names, with types beside the code', () => {
    for (const [entry, targets] of Object.entries<Record<string, string>>(packedManifest.exports)) {
      for (const target of Object.values(targets)) {
        expect(entries, `${entry} → ${target}`).toContain(`package/${target.replace(/^\.\//, '')}`)
      }
    }
    const code = entries.filter((entry) => entry.endsWith('.js'))
    expect(code.length).toBeGreaterThan(50)
    for (const file of code) expect(entries).toContain(file.replace(/\.js$/, '.d.ts'))
  })

  it('asks the host for Payload, React and Next as peers and installs nothing of the demo host', () => {
    expect(packedManifest.private).toBeUndefined()
    expect(Object.keys(packedManifest.dependencies).sort()).toEqual([
      '@peculiar/x509',
      '@trustnxt/c2pa-ts',
      'any-ascii',
      'canonicalize',
      'escape-html',
      'feed',
      'feedsmith',
      'iconv-lite',
      'ipaddr.js',
      'jose',
      'jsdom',
      'sanitize-html',
      'schema-dts',
      'serialize-javascript',
      'undici',
      'xmlbuilder2',
    ])
    expect(Object.keys(packedManifest.peerDependencies)).toEqual(
      expect.arrayContaining([
        'payload',
        '@payloadcms/ui',
        '@payloadcms/richtext-lexical',
        '@payloadcms/translations',
        'react',
        'next',
      ]),
    )
    expect(packedManifest.peerDependencies.payload).toBe('^3.90.1')
  })
})
