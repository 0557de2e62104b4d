import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles_applied_disclaimers\` ADD \`full_page_url\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v_version_applied_disclaimers\` ADD \`full_page_url\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles_applied_disclaimers\` DROP COLUMN \`full_page_url\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v_version_applied_disclaimers\` DROP COLUMN \`full_page_url\`;`)
}
