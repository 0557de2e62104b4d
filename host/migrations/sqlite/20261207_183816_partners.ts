import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`partners_formats\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`partners_formats_order_idx\` ON \`partners_formats\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`partners_formats_parent_idx\` ON \`partners_formats\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`partners_filters_languages\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`partners_filters_languages_order_idx\` ON \`partners_filters_languages\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`partners_filters_languages_parent_idx\` ON \`partners_filters_languages\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`partners_tokens\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text,
  	\`hash\` text,
  	\`expires_at\` text NOT NULL,
  	\`revoked_at\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`partners_tokens_order_idx\` ON \`partners_tokens\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`partners_tokens_parent_id_idx\` ON \`partners_tokens\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`partners_tokens_hash_idx\` ON \`partners_tokens\` (\`hash\`);`)
  await db.run(sql`CREATE TABLE \`partners\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`active\` integer DEFAULT true,
  	\`filters_origin\` text DEFAULT 'own' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`partners_active_idx\` ON \`partners\` (\`active\`);`)
  await db.run(sql`CREATE INDEX \`partners_updated_at_idx\` ON \`partners\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`partners_created_at_idx\` ON \`partners\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`partners_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`sections_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sections_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`partners_rels_order_idx\` ON \`partners_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`partners_rels_parent_idx\` ON \`partners_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`partners_rels_path_idx\` ON \`partners_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`partners_rels_sections_id_idx\` ON \`partners_rels\` (\`sections_id\`);`)
  await db.run(sql`CREATE TABLE \`newsroom_partner_receipts_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`article_ref\` text NOT NULL,
  	\`version\` text NOT NULL,
  	\`title\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`newsroom_partner_receipts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`newsroom_partner_receipts_items_order_idx\` ON \`newsroom_partner_receipts_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_partner_receipts_items_parent_id_idx\` ON \`newsroom_partner_receipts_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_partner_receipts_items_article_ref_idx\` ON \`newsroom_partner_receipts_items\` (\`article_ref\`);`)
  await db.run(sql`CREATE TABLE \`newsroom_partner_receipts\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`partner_id\` text(36) NOT NULL,
  	\`channel\` text NOT NULL,
  	\`format\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`partner_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`newsroom_partner_receipts_partner_idx\` ON \`newsroom_partner_receipts\` (\`partner_id\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_partner_receipts_updated_at_idx\` ON \`newsroom_partner_receipts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_partner_receipts_created_at_idx\` ON \`newsroom_partner_receipts\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`licence_redistribution\` text DEFAULT 'forbidden';`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`partners_id\` text(36) REFERENCES partners(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`newsroom_partner_receipts_id\` text(36) REFERENCES newsroom_partner_receipts(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_partners_id_idx\` ON \`payload_locked_documents_rels\` (\`partners_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsroom_partner_receipts__idx\` ON \`payload_locked_documents_rels\` (\`newsroom_partner_receipts_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`partners_formats\`;`)
  await db.run(sql`DROP TABLE \`partners_filters_languages\`;`)
  await db.run(sql`DROP TABLE \`partners_tokens\`;`)
  await db.run(sql`DROP TABLE \`partners\`;`)
  await db.run(sql`DROP TABLE \`partners_rels\`;`)
  await db.run(sql`DROP TABLE \`newsroom_partner_receipts_items\`;`)
  await db.run(sql`DROP TABLE \`newsroom_partner_receipts\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` text(36),
  	\`articles_id\` text(36),
  	\`sections_id\` text(36),
  	\`disclaimers_id\` text(36),
  	\`sources_id\` text(36),
  	\`workflow_events_id\` text(36),
  	\`newsroom_webhooks_id\` text(36),
  	\`newsroom_webhook_deliveries_id\` text(36),
  	\`newsroom_ingest_runs_id\` text(36),
  	\`media_id\` text(36),
  	\`newsroom_write_locks_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sections_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`disclaimers_id\`) REFERENCES \`disclaimers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sources_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`workflow_events_id\`) REFERENCES \`workflow_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`newsroom_webhooks_id\`) REFERENCES \`newsroom_webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`newsroom_webhook_deliveries_id\`) REFERENCES \`newsroom_webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`newsroom_ingest_runs_id\`) REFERENCES \`newsroom_ingest_runs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`newsroom_write_locks_id\`) REFERENCES \`newsroom_write_locks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "articles_id", "sections_id", "disclaimers_id", "sources_id", "workflow_events_id", "newsroom_webhooks_id", "newsroom_webhook_deliveries_id", "newsroom_ingest_runs_id", "media_id", "newsroom_write_locks_id") SELECT "id", "order", "parent_id", "path", "users_id", "articles_id", "sections_id", "disclaimers_id", "sources_id", "workflow_events_id", "newsroom_webhooks_id", "newsroom_webhook_deliveries_id", "newsroom_ingest_runs_id", "media_id", "newsroom_write_locks_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sections_id_idx\` ON \`payload_locked_documents_rels\` (\`sections_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_disclaimers_id_idx\` ON \`payload_locked_documents_rels\` (\`disclaimers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sources_id_idx\` ON \`payload_locked_documents_rels\` (\`sources_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_workflow_events_id_idx\` ON \`payload_locked_documents_rels\` (\`workflow_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsroom_webhooks_id_idx\` ON \`payload_locked_documents_rels\` (\`newsroom_webhooks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsroom_webhook_deliverie_idx\` ON \`payload_locked_documents_rels\` (\`newsroom_webhook_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsroom_ingest_runs_id_idx\` ON \`payload_locked_documents_rels\` (\`newsroom_ingest_runs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsroom_write_locks_id_idx\` ON \`payload_locked_documents_rels\` (\`newsroom_write_locks_id\`);`)
  await db.run(sql`ALTER TABLE \`sources\` DROP COLUMN \`licence_redistribution\`;`)
}
