// The package ships no types; the tests use these two CommonJS modules.
declare module 'structured-data-testing-tool' {
  const tool: {
    structuredDataTest: (input: string, options: { presets: unknown[] }) => Promise<any>
  }
  export default tool
}
declare module 'structured-data-testing-tool/presets.js' {
  const presets: { Facebook: unknown; Google: unknown; Twitter: unknown }
  export default presets
}
