/**
 * Measures how the plugin's code is laid out (issue 33's before/after table): folders, folder pairs
 * that import each other, files in import circles, names exported at the root, type casts, lines
 * over 100 columns and README lines. Reads the sources with TypeScript's own parser.
 *
 *   node --import tsx scripts/layout-report.ts [--json]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const root = path.resolve(import.meta.dirname, '..')
const pluginRoots = ['src', 'collections']

const sourceFilesUnder = (directory: string): string[] =>
  readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name)
    if (statSync(full).isDirectory()) return sourceFilesUnder(full)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : []
  })

const files = pluginRoots.flatMap((folder) => sourceFilesUnder(path.join(root, folder)))
const parsed = new Map(
  files.map((file) => [
    file,
    ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true),
  ]),
)

const resolveRelative = (from: string, specifier: string): string | undefined => {
  const base = path.resolve(path.dirname(from), specifier)
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
  ]
  return candidates.find((candidate) => parsed.has(candidate) && existsSync(candidate))
}

/** Every plugin file a file imports or re-exports (type-only imports included: they tie folders too). */
const importsOf = (file: string): string[] => {
  const found = new Set<string>()
  const visit = (node: ts.Node) => {
    const specifier =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
        ? node.moduleSpecifier.text
        : ts.isCallExpression(node) &&
            node.expression.kind === ts.SyntaxKind.ImportKeyword &&
            ts.isStringLiteral(node.arguments[0]!)
          ? (node.arguments[0] as ts.StringLiteral).text
          : undefined
    if (specifier?.startsWith('.')) {
      const target = resolveRelative(file, specifier)
      if (target) found.add(target)
    }
    ts.forEachChild(node, visit)
  }
  visit(parsed.get(file)!)
  return [...found]
}

const graph = new Map(files.map((file) => [file, importsOf(file)]))

/**
 * The unit a file belongs to for the direction checks: its folder under src/ or collections/ (the
 * first level), or the file itself when it sits at the top of src/ (plugin.ts, types.ts, …).
 */
const folderOf = (file: string) => {
  const parts = path.relative(root, file).split(path.sep)
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts.join('/')
}

const folderPairs = new Set<string>()
for (const [file, targets] of graph) {
  for (const target of targets) {
    const [from, to] = [folderOf(file), folderOf(target)]
    if (from === to) continue
    if (
      [...graph.entries()].some(
        ([other, back]) => folderOf(other) === to && back.some((t) => folderOf(t) === from),
      )
    ) {
      folderPairs.add([from, to].sort().join(' ⇄ '))
    }
  }
}

/** Tarjan's strongly connected components: a component of two or more nodes is an import circle. */
const circlesOf = (graph: Map<string, string[]>) => {
  let index = 0
  const indices = new Map<string, number>()
  const lowLinks = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const components: string[][] = []
  const connect = (file: string) => {
    indices.set(file, index)
    lowLinks.set(file, index++)
    stack.push(file)
    onStack.add(file)
    for (const target of graph.get(file) ?? []) {
      if (!indices.has(target)) {
        connect(target)
        lowLinks.set(file, Math.min(lowLinks.get(file)!, lowLinks.get(target)!))
      } else if (onStack.has(target))
        lowLinks.set(file, Math.min(lowLinks.get(file)!, indices.get(target)!))
    }
    if (lowLinks.get(file) === indices.get(file)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== file)
      if (component.length > 1) components.push(component)
    }
  }
  for (const file of graph.keys()) if (!indices.has(file)) connect(file)
  return components
}
const circles = circlesOf(graph)
const unitGraph = new Map<string, string[]>()
for (const [file, targets] of graph) {
  const unit = folderOf(file)
  unitGraph.set(unit, [
    ...new Set([
      ...(unitGraph.get(unit) ?? []),
      ...targets.map(folderOf).filter((target) => target !== unit),
    ]),
  ])
}
const unitCircles = circlesOf(unitGraph)

const rootExports = (() => {
  const entry = path.join(root, 'src/index.ts')
  const program = ts.createProgram([entry], {
    allowImportingTsExtensions: true,
    noEmit: true,
    jsx: ts.JsxEmit.ReactJSX,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
  })
  const checker = program.getTypeChecker()
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)
  return symbol ? checker.getExportsOfModule(symbol).length : 0
})()

let casts = 0
for (const source of parsed.values()) {
  const visit = (node: ts.Node) => {
    // `x as unknown as T` is one cast, counted once (the outer one).
    const inChain =
      node.parent !== undefined && ts.isAsExpression(node.parent) && node.parent.expression === node
    if (
      (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) &&
      node.type.getText(source) !== 'const' &&
      !inChain
    )
      casts++
    ts.forEachChild(node, visit)
  }
  visit(source)
}

const lines = [...parsed.values()].flatMap((source) => source.text.split('\n'))
const longLines = lines.filter((line) => line.length > 100).length
const topFolders = new Set(files.map(folderOf).filter((unit) => !/\.tsx?$/.test(unit)))

const report = {
  folders: topFolders.size,
  folderPairsImportingEachOther: folderPairs.size,
  filesInImportCircles: circles.reduce((sum, component) => sum + component.length, 0),
  importCircles: circles.length,
  foldersInImportLoops: unitCircles.reduce((sum, component) => sum + component.length, 0),
  rootExports,
  casts,
  linesOver100Columns: `${longLines} of ${lines.length} (${((longLines / lines.length) * 100).toFixed(1)}%)`,
  readmeLines: readFileSync(path.join(root, 'README.md'), 'utf8').split('\n').length - 1,
}

if (process.argv.includes('--json'))
  console.log(JSON.stringify({ ...report, pairs: [...folderPairs].sort() }, null, 2))
else {
  for (const [name, value] of Object.entries(report)) console.log(`${name}: ${value}`)
  if (folderPairs.size) console.log(`pairs: ${[...folderPairs].sort().join(', ')}`)
  for (const component of unitCircles)
    console.log(`folder loop of ${component.length}: ${component.sort().join(', ')}`)
  for (const component of circles)
    console.log(
      `circle of ${component.length}: ${component
        .map((file) => path.relative(root, file))
        .sort()
        .join(', ')
        .slice(0, 400)}`,
    )
}
