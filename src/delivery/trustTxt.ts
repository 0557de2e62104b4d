import type { PublisherOptions } from '../types.ts'

import { trustTxtLists } from '../types.ts'

/**
 * The site's trust.txt (JournalList's format, https://journallist.net): one `variable=value` line
 * per value, in the specification's order, then `datatrainingallowed` when the publisher said.
 * Values are checked when the plugin starts (`checkPluginOptions`: no line breaks), so a value can
 * never add a line of its own.
 */
export const trustTxtOf = (publisher: PublisherOptions): string => {
  const given = publisher.trustTxt ?? {}
  const lines = trustTxtLists.flatMap((variable) =>
    (given[variable] ?? []).map((value) => `${variable}=${value}`),
  )
  if (typeof given.datatrainingallowed === 'boolean') {
    lines.push(`datatrainingallowed=${given.datatrainingallowed ? 'yes' : 'no'}`)
  }
  return [`# trust.txt of ${publisher.name.replace(/[\r\n]/g, ' ')}`, ...lines, ''].join('\n')
}
