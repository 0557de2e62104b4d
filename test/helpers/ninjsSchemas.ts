import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

const schemaDir = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'ninjs',
  'schemas',
)

/** The files of IPTC's own JSON Schemas (test/fixtures/ninjs: origin and licence) of each format we send. */
export const ninjsSchemaFiles = {
  'ninjs-2': '2.2--ninjs-schema_2.2.json',
  'ninjs-3': '3.1--ninjs-schema_3.1.json',
} as const

/** A validator of one of IPTC's ninjs schemas, by ajv (draft 2020-12, formats checked). */
export const ninjsValidator = (format: keyof typeof ninjsSchemaFiles) => {
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  addFormats(ajv)
  // 3.x points `places[].geometry` at GeoJSON's schema online, which this offline suite cannot
  // fetch. We never send places (the tests say so), so that one reference may accept anything.
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json' })
  const file = path.join(schemaDir, ninjsSchemaFiles[format])
  return ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8')))
}
