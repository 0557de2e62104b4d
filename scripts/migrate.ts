/**
 * `npm start`'s first step: brings the database up to the committed migrations (host/migrations/),
 * never pushing the schema. Run by `with-database.ts --migrate` with NODE_ENV=production.
 *
 * One exception, for a developer's own machine: the embedded SQLite file that `npm run dev` built by
 * schema push (Payload marks it with a batch -1 migration row). Migrating it would recreate tables
 * that exist, so it is brought up to date the way it was made; a server database built that way is
 * refused with the reason instead.
 */
import { getPayload } from 'payload'

import config from '../payload.config'

const builtByDevelopmentPush = async (
  payload: Awaited<ReturnType<typeof getPayload>>,
): Promise<boolean> => {
  try {
    const { totalDocs } = await payload.count({
      collection: 'payload-migrations',
      where: { batch: { equals: -1 } },
    })
    return totalDocs > 0
  } catch {
    // A fresh database has no migrations table yet.
    return false
  }
}

const payload = await getPayload({ config })
const embedded = process.env.NEWSROOM_EMBEDDED_DATABASE === '1'
if (await builtByDevelopmentPush(payload)) {
  await payload.destroy()
  if (embedded) {
    console.log(
      'migrations: the embedded database was built by `npm run dev` (schema push); updating it the same way',
    )
    process.exit(3)
  }
  console.error(
    'migrations: this database was built by a development schema push (`npm run dev` against it); ' +
      'migrating it would lose data. Point DATABASE_URI at a fresh database for production, or see README "Migrations".',
  )
  process.exit(1)
}
const started = Date.now()
await payload.db.migrate()
const { totalDocs } = await payload.count({ collection: 'payload-migrations' })
console.log(`migrations: up to date (${totalDocs} applied, ${Date.now() - started} ms)`)
await payload.destroy()
process.exit(0)
