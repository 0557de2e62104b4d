import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`sources_licence_transformations\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`sources_licence_transformations_order_idx\` ON \`sources_licence_transformations\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`sources_licence_transformations_parent_idx\` ON \`sources_licence_transformations\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`sources_licence_translation_languages\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`sources_licence_translation_languages_order_idx\` ON \`sources_licence_translation_languages\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`sources_licence_translation_languages_parent_idx\` ON \`sources_licence_translation_languages\` (\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`attribution_rights_expire_at\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`embargo_until\` text;`)
  await db.run(sql`CREATE INDEX \`articles_attribution_attribution_rights_expire_at_idx\` ON \`articles\` (\`attribution_rights_expire_at\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_attribution_rights_expire_at\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_embargo_until\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_attribution_version_attribution_righ_idx\` ON \`_articles_v\` (\`version_attribution_rights_expire_at\`);`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`licence_ai_summaries\` text DEFAULT 'allowed';`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`licence_duration_days\` numeric;`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`licence_on_expiry\` text DEFAULT 'unpublish';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`sources_licence_transformations\`;`)
  await db.run(sql`DROP TABLE \`sources_licence_translation_languages\`;`)
  await db.run(sql`DROP INDEX \`articles_attribution_attribution_rights_expire_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`attribution_rights_expire_at\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`embargo_until\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_attribution_version_attribution_righ_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_attribution_rights_expire_at\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_embargo_until\`;`)
  await db.run(sql`ALTER TABLE \`sources\` DROP COLUMN \`licence_ai_summaries\`;`)
  await db.run(sql`ALTER TABLE \`sources\` DROP COLUMN \`licence_duration_days\`;`)
  await db.run(sql`ALTER TABLE \`sources\` DROP COLUMN \`licence_on_expiry\`;`)
}
