/**
 * `table[key]` when `key` is the table's own: names from requests and options are data, and a plain
 * object answers `constructor`, `toString` or `__proto__` with what it inherits from Object.prototype.
 */
export const ownValue = <T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined =>
  typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined
