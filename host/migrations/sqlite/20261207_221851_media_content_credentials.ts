import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` ADD \`content_credentials_status\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`content_credentials_signed_at\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`content_credentials_signer\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`content_credentials_status\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`content_credentials_signed_at\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`content_credentials_signer\`;`)
}
