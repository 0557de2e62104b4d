/**
 * An outside validator of what search engines and social networks read in a page's head:
 * structured-data-testing-tool 4.5.0 (ISC licence, github.com/glitchdigital/structured-data-testing-tool),
 * whose presets encode Google's article guidance (NewsArticle: author, dates, headline, image,
 * publisher with logo, mainEntityOfPage) and the Open Graph and Twitter card tags. It reads the HTML
 * offline; we only collect its verdicts.
 */
// CommonJS modules, read whole: Node's ESM loader cannot name the presets' spread exports.
import tool from 'structured-data-testing-tool'
import presets from 'structured-data-testing-tool/presets.js'

export type HeadReport = {
  /** The checks that failed, as the tool names them (`NewsArticle[0].image`, `og:url`). */
  failed: string[]
  /** The meta tags it read, by name or property. */
  metatags: Record<string, string[]>
  passed: number
  /** The schema.org types it found. */
  schemas: string[]
  /** The recommendations not met. */
  warnings: string[]
}

type ToolTest = { test: string }
type ToolResult = {
  failed: ToolTest[]
  passed: ToolTest[]
  schemas: string[]
  structuredData: { metatags: Record<string, string[]> }
  warnings: ToolTest[]
}

const nameOf = ({ test }: ToolTest) => test.replaceAll('"', '')

export const validateHead = async (html: string): Promise<HeadReport> => {
  const result: ToolResult = await tool
    .structuredDataTest(html, { presets: [presets.Google, presets.Twitter, presets.Facebook] })
    .catch((error: { res?: ToolResult; type?: string }) => {
      // The tool rejects when a check fails, with its whole report attached.
      if (error?.type === 'VALIDATION_FAILED' && error.res) return error.res
      throw error
    })
  return {
    failed: result.failed.map(nameOf),
    metatags: result.structuredData.metatags,
    passed: result.passed.length,
    schemas: result.schemas,
    warnings: result.warnings.map(nameOf),
  }
}
