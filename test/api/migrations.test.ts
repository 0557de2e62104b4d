import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'

/**
 * Production databases are migrated, never pushed (`npm start` runs the committed migrations in
 * host/migrations first). MongoDB keeps no schema, so there is nothing to migrate there.
 */
describe.skipIf(inject('testDatabase').kind === 'mongodb')('migrations', () => {
  let newsroom: TestNewsroom

  beforeAll(async () => {
    newsroom = await startNewsroom({ push: false })
  })
  afterAll(() => newsroom?.stop())

  it('bring an empty database to the current schema, with nothing left pending', async () => {
    const { payload } = newsroom
    // The committed list (Payload's CLI reads the same folder; vitest cannot import .ts files natively).
    const kind = inject('testDatabase').kind
    const { migrations: files } =
      kind === 'postgres'
        ? await import('../../host/migrations/postgres/index')
        : await import('../../host/migrations/sqlite/index')
    expect(files.length).toBeGreaterThan(0)

    await payload.db.migrate({ migrations: files as never })

    const { docs: applied } = await payload.find({
      collection: 'payload-migrations',
      limit: 0,
      sort: 'name',
    })
    expect(applied.map((row) => row.name)).toEqual(files.map((file) => file.name).sort())
    // No development push happened (Payload marks one with batch -1).
    expect(applied.every((row) => Number(row.batch) === 1)).toBe(true)

    // The migrated schema holds the plugin's documents, localized fields and versions included.
    const section = await payload.create({
      collection: 'sections',
      data: { name: 'Marchés', slug: 'marches' },
      locale: 'fr',
    })
    await payload.update({
      collection: 'sections',
      data: { name: 'Markets' },
      id: section.id,
      locale: 'en',
    })
    const article = await payload.create({
      collection: 'articles',
      data: { language: 'fr', origin: 'original', section: section.id, title: 'Un article migré' },
      draft: true,
    })
    const stored = await payload.findByID({
      collection: 'articles',
      depth: 1,
      draft: true,
      id: article.id,
    })
    expect(stored.title).toBe('Un article migré')
    expect((stored.section as { name: string }).name).toBe('Marchés')
    const english = await payload.findByID({ collection: 'sections', id: section.id, locale: 'en' })
    expect(english.name).toBe('Markets')

    // Running them again changes nothing.
    await payload.db.migrate({ migrations: files as never })
    expect((await payload.count({ collection: 'payload-migrations' })).totalDocs).toBe(files.length)
  })
})
