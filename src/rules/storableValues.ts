/**
 * What every database we support can store, as a pure rule: PostgreSQL refuses the NUL character
 * (U+0000) in text and JSON, and MongoDB refuses object keys that start with `$` or hold a dot. A
 * value that breaks either is refused at the door with the field's name, on every database, so a
 * document valid on one is valid on all (and none answers a 500).
 */

const nul = '\u0000'
const isRefusedKey = (key: string) => key.startsWith('$') || key.includes('.') || key.includes(nul)

/**
 * The first place in `value` that no database stores: '' for the value itself, else a dotted path
 * inside it; undefined when it is storable. Iterative, and stops at `maxNodes` (deeper input is
 * refused elsewhere by the request limits).
 */
export const unstorablePath = (
  value: unknown,
  { checkKeys = true, maxNodes = 100_000 } = {},
): string | undefined => {
  const pending: Array<[unknown, string]> = [[value, '']]
  for (let seen = 0; pending.length > 0 && seen < maxNodes; seen += 1) {
    const [node, path] = pending.pop()!
    if (typeof node === 'string') {
      if (node.includes(nul)) {
        return path
      }
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => pending.push([item, path ? `${path}.${index}` : String(index)]))
    } else if (node !== null && typeof node === 'object' && !(node instanceof Date)) {
      for (const [key, item] of Object.entries(node)) {
        const itemPath = path ? `${path}.${key}` : key
        if (checkKeys ? isRefusedKey(key) : key.includes(nul)) {
          return itemPath
        }
        pending.push([item, itemPath])
      }
    }
  }
  return undefined
}
