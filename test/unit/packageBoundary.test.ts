import fs from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * The line between the package and the demo host (README: "Repository layout"). The plugin is
 * `src/` and `collections/`; everything else is a host that must use it as a stranger's app would,
 * through `payload-newsroom` and its named entries (`/rules`, `/server`, `/http`, `/types`, `/client`, `/rsc`).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const pluginFolders = ['src', 'collections']
const hostPlaces = [
  'app',
  'host',
  'scripts',
  'seed',
  'bench',
  'test',
  'payload.config.ts',
  'next.config.ts',
]
// White-box unit tests of the plugin's own modules may import the module they test.
const mayImportInternals = ['test/unit/']
// Separate apps with their own installs: they only ever see the packed tarball.
const notOurs = ['test/host-app/hosts/', 'test/host-app/lib/', 'test/host-app/template/']

const sourceFiles = (place: string): string[] => {
  const full = path.join(root, place)
  if (!fs.existsSync(full)) return []
  if (fs.statSync(full).isFile()) return [place]
  return fs.readdirSync(full, { recursive: true, withFileTypes: true }).flatMap((entry) => {
    const file = path.relative(root, path.join(entry.parentPath, entry.name))
    return entry.isFile() && /\.(m?[jt]sx?)$/.test(entry.name) && !file.includes('node_modules')
      ? [file]
      : []
  })
}

/** Module specifiers of static imports, re-exports, dynamic imports and requires, as TypeScript reads them. */
const specifiersOf = (file: string): string[] =>
  ts
    .preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true)
    .importedFiles.map((entry) => entry.fileName)

const isInside = (file: string, folders: string[]) =>
  folders.some((folder) => file === folder || file.startsWith(`${folder}/`))
const resolvedFrom = (file: string, specifier: string) =>
  path.relative(root, path.resolve(path.dirname(path.join(root, file)), specifier))
const packageNameOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/')

describe('the package boundary', () => {
  it('host code and API tests import the plugin only through payload-newsroom and its named entries', () => {
    const hostFiles = hostPlaces
      .flatMap(sourceFiles)
      .filter(
        (file) =>
          !mayImportInternals.some((prefix) => file.startsWith(prefix)) &&
          !notOurs.some((prefix) => file.startsWith(prefix)),
      )
    expect(hostFiles.length).toBeGreaterThan(40)
    const deepImports = hostFiles.flatMap((file) =>
      specifiersOf(file)
        .filter(
          (specifier) =>
            specifier.startsWith('.') && isInside(resolvedFrom(file, specifier), pluginFolders),
        )
        .map((specifier) => `${file}: ${specifier}`),
    )
    expect(deepImports).toEqual([])
  })

  it('plugin code imports no host code, names its siblings with their extension, and uses only declared packages', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
    const declared = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
    ])
    const pluginFiles = pluginFolders.flatMap(sourceFiles)
    expect(pluginFiles.length).toBeGreaterThan(50)
    const problems = pluginFiles.flatMap((file) =>
      specifiersOf(file).flatMap((specifier) => {
        if (specifier.startsWith('.')) {
          const target = resolvedFrom(file, specifier)
          if (!isInside(target, pluginFolders)) return [`${file}: ${specifier} leaves the package`]
          // Written as the file on disk (.ts, .tsx): Turbopack and tsx resolve it, and the build
          // rewrites it to .js so that dist/ is plain ESM for Node.
          return /\.tsx?$/.test(specifier)
            ? []
            : [`${file}: ${specifier} needs its .ts or .tsx extension`]
        }
        if (specifier.startsWith('node:') || builtinModules.includes(specifier)) return []
        if (specifier === 'payload-newsroom' || specifier.startsWith('payload-newsroom/'))
          return [`${file}: ${specifier} imports itself`]
        if (specifier === '@payload-config') return [`${file}: @payload-config is the host's`]
        return declared.has(packageNameOf(specifier))
          ? []
          : [`${file}: ${specifier} is not a dependency or peer dependency`]
      }),
    )
    expect(problems).toEqual([])
  })

  it('every admin component the plugin references is exported by payload-newsroom/client (client) or /rsc (server)', () => {
    const exportsOf = (entry: string) =>
      new Set(
        [
          ...fs
            .readFileSync(path.join(root, `src/exports/${entry}.ts`), 'utf8')
            .matchAll(/export \{ (\w+) \}/g),
        ].map((match) => match[1]),
      )
    const entries: Record<string, Set<string | undefined>> = {
      'payload-newsroom/client': exportsOf('client'),
      'payload-newsroom/rsc': exportsOf('rsc'),
    }
    const referenced = pluginFolders
      .flatMap(sourceFiles)
      .flatMap((file) =>
        [
          ...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/['"]([\w@./-]+#\w+)['"]/g),
        ].map((match) => match[1]),
      )
    expect(referenced.length).toBeGreaterThan(0)
    for (const reference of referenced) {
      const [module, name] = reference.split('#') as [string, string]
      expect(Object.keys(entries)).toContain(module)
      expect(entries[module]).toContain(name)
    }
  })

  it('keeps the root entry slim, and resolves every entry the manifest names the same way in tsconfig and vitest', async () => {
    const entry = path.join(root, 'src/index.ts')
    const program = ts.createProgram([entry], {
      allowImportingTsExtensions: true,
      jsx: ts.JsxEmit.ReactJSX,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
    })
    const checker = program.getTypeChecker()
    const names = checker
      .getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!)
      .map((symbol) => symbol.name)
    expect(names).toContain('newsroomPlugin')
    expect(names.length, names.join(', ')).toBeLessThanOrEqual(30)

    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
    const pathsOf = (file: string) =>
      (
        ts.readConfigFile(path.join(root, file), ts.sys.readFile).config as {
          compilerOptions: { paths: Record<string, string[]> }
        }
      ).compilerOptions.paths
    const sourcePaths = pathsOf('tsconfig.json')
    const declarationPaths = pathsOf('tsconfig.demo.json')
    const vitestConfig = fs.readFileSync(path.join(root, 'vitest.config.ts'), 'utf8')
    for (const [subpath, targets] of Object.entries<Record<string, string>>(manifest.exports)) {
      const source = targets.import!.replace('./dist/', '').replace(/\.js$/, '.ts')
      const name = `payload-newsroom${subpath.slice(1)}`
      expect(fs.existsSync(path.join(root, source)), source).toBe(true)
      expect(sourcePaths[name], name).toEqual([`./${source}`])
      // The demo host is type-checked through the declarations a stranger's app receives.
      expect(declarationPaths[name], name).toEqual([targets.types])
      expect(vitestConfig, name).toContain(`'${source}'`)
    }
  })
})
