import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`users_locales\` (
  	\`job_title\` text,
  	\`bio\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`users_locales_locale_parent_id_unique\` ON \`users_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`author_slug\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_author_slug_idx\` ON \`users\` (\`author_slug\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`users_locales\`;`)
  await db.run(sql`DROP INDEX \`users_author_slug_idx\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`author_slug\`;`)
}
