import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`summary_error\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_summary_error\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`summary_error\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_summary_error\`;`)
}
