import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`newsroom_ingest_runs_reasons\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`reason\` text,
  	\`count\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`newsroom_ingest_runs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`newsroom_ingest_runs_reasons_order_idx\` ON \`newsroom_ingest_runs_reasons\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_ingest_runs_reasons_parent_id_idx\` ON \`newsroom_ingest_runs_reasons\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`newsroom_ingest_runs_item_warnings\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`item_id\` text,
  	\`kind\` text,
  	\`path\` text,
  	\`detail\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`newsroom_ingest_runs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`newsroom_ingest_runs_item_warnings_order_idx\` ON \`newsroom_ingest_runs_item_warnings\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_ingest_runs_item_warnings_parent_id_idx\` ON \`newsroom_ingest_runs_item_warnings\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`ingest_expires_policy\` text DEFAULT 'ignore';`)
  await db.run(sql`ALTER TABLE \`newsroom_ingest_runs\` ADD \`item_errors_not_shown\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`newsroom_ingest_runs\` ADD \`warning_counts_date_left_out\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`newsroom_ingest_runs\` ADD \`warning_counts_standfirst_cut\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`newsroom_ingest_runs\` ADD \`warning_counts_quote_flattened\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`newsroom_ingest_runs\` ADD \`warning_counts_list_flattened\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`newsroom_ingest_runs\` ADD \`warning_counts_table_flattened\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`newsroom_ingest_runs\` ADD \`warning_counts_link_made_absolute\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`newsroom_ingest_runs\` ADD \`warning_counts_link_dropped\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`newsroom_ingest_runs\` ADD \`item_warnings_not_shown\` numeric DEFAULT 0;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`newsroom_ingest_runs_reasons\`;`)
  await db.run(sql`DROP TABLE \`newsroom_ingest_runs_item_warnings\`;`)
  await db.run(sql`ALTER TABLE \`sources\` DROP COLUMN \`ingest_expires_policy\`;`)
  await db.run(sql`ALTER TABLE \`newsroom_ingest_runs\` DROP COLUMN \`item_errors_not_shown\`;`)
  await db.run(sql`ALTER TABLE \`newsroom_ingest_runs\` DROP COLUMN \`warning_counts_date_left_out\`;`)
  await db.run(sql`ALTER TABLE \`newsroom_ingest_runs\` DROP COLUMN \`warning_counts_standfirst_cut\`;`)
  await db.run(sql`ALTER TABLE \`newsroom_ingest_runs\` DROP COLUMN \`warning_counts_quote_flattened\`;`)
  await db.run(sql`ALTER TABLE \`newsroom_ingest_runs\` DROP COLUMN \`warning_counts_list_flattened\`;`)
  await db.run(sql`ALTER TABLE \`newsroom_ingest_runs\` DROP COLUMN \`warning_counts_table_flattened\`;`)
  await db.run(sql`ALTER TABLE \`newsroom_ingest_runs\` DROP COLUMN \`warning_counts_link_made_absolute\`;`)
  await db.run(sql`ALTER TABLE \`newsroom_ingest_runs\` DROP COLUMN \`warning_counts_link_dropped\`;`)
  await db.run(sql`ALTER TABLE \`newsroom_ingest_runs\` DROP COLUMN \`item_warnings_not_shown\`;`)
}
