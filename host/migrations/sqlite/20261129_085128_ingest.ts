import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`sources_ingest_feed_categories\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`category\` text NOT NULL,
  	\`section_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`sources_ingest_feed_categories_order_idx\` ON \`sources_ingest_feed_categories\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`sources_ingest_feed_categories_parent_id_idx\` ON \`sources_ingest_feed_categories\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`sources_ingest_feed_categories_section_idx\` ON \`sources_ingest_feed_categories\` (\`section_id\`);`)
  await db.run(sql`CREATE TABLE \`newsroom_ingest_runs_item_errors\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`item_id\` text,
  	\`path\` text,
  	\`reason\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`newsroom_ingest_runs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`newsroom_ingest_runs_item_errors_order_idx\` ON \`newsroom_ingest_runs_item_errors\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_ingest_runs_item_errors_parent_id_idx\` ON \`newsroom_ingest_runs_item_errors\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`newsroom_ingest_runs\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`source_id\` text(36),
  	\`trigger\` text,
  	\`status\` text,
  	\`started_at\` text,
  	\`finished_at\` text,
  	\`by_id\` text(36),
  	\`counts_received\` numeric DEFAULT 0,
  	\`counts_created\` numeric DEFAULT 0,
  	\`counts_updated\` numeric DEFAULT 0,
  	\`counts_unchanged\` numeric DEFAULT 0,
  	\`counts_withdrawn\` numeric DEFAULT 0,
  	\`counts_held\` numeric DEFAULT 0,
  	\`counts_refused\` numeric DEFAULT 0,
  	\`counts_failed\` numeric DEFAULT 0,
  	\`first_error\` text,
  	\`feed_url\` text,
  	\`feed_http_status\` numeric,
  	\`feed_etag\` text,
  	\`feed_last_modified\` text,
  	\`feed_bytes\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`source_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`newsroom_ingest_runs_source_idx\` ON \`newsroom_ingest_runs\` (\`source_id\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_ingest_runs_status_idx\` ON \`newsroom_ingest_runs\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_ingest_runs_started_at_idx\` ON \`newsroom_ingest_runs\` (\`started_at\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_ingest_runs_by_idx\` ON \`newsroom_ingest_runs\` (\`by_id\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_ingest_runs_updated_at_idx\` ON \`newsroom_ingest_runs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_ingest_runs_created_at_idx\` ON \`newsroom_ingest_runs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`attribution_source_version\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`attribution_ingest_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_attribution_source_version\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_attribution_ingest_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`ingest_user_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`ingest_publish_policy\` text DEFAULT 'review';`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`ingest_update_policy\` text DEFAULT 'review';`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`ingest_default_section_id\` text(36) REFERENCES sections(id);`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`ingest_default_language\` text;`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`ingest_automated_byline\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`ingest_byline_system\` text;`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`ingest_request_summary\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`ingest_feed_url\` text;`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`ingest_feed_format\` text;`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`ingest_feed_poll_minutes\` numeric DEFAULT 15;`)
  await db.run(sql`CREATE INDEX \`sources_ingest_ingest_user_idx\` ON \`sources\` (\`ingest_user_id\`);`)
  await db.run(sql`CREATE INDEX \`sources_ingest_ingest_default_section_idx\` ON \`sources\` (\`ingest_default_section_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`newsroom_ingest_runs_id\` text(36) REFERENCES newsroom_ingest_runs(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsroom_ingest_runs_id_idx\` ON \`payload_locked_documents_rels\` (\`newsroom_ingest_runs_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`sources_ingest_feed_categories\`;`)
  await db.run(sql`DROP TABLE \`newsroom_ingest_runs_item_errors\`;`)
  await db.run(sql`DROP TABLE \`newsroom_ingest_runs\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_sources\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`homepage_url\` text,
  	\`category\` text NOT NULL,
  	\`status\` text DEFAULT 'active',
  	\`default_licence\` text,
  	\`copyright_holder\` text,
  	\`canonical_policy\` text DEFAULT 'noindex',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_sources\`("id", "name", "slug", "homepage_url", "category", "status", "default_licence", "copyright_holder", "canonical_policy", "updated_at", "created_at") SELECT "id", "name", "slug", "homepage_url", "category", "status", "default_licence", "copyright_holder", "canonical_policy", "updated_at", "created_at" FROM \`sources\`;`)
  await db.run(sql`DROP TABLE \`sources\`;`)
  await db.run(sql`ALTER TABLE \`__new_sources\` RENAME TO \`sources\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`sources_slug_idx\` ON \`sources\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`sources_status_idx\` ON \`sources\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`sources_updated_at_idx\` ON \`sources\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sources_created_at_idx\` ON \`sources\` (\`created_at\`);`)
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
  	FOREIGN KEY (\`newsroom_write_locks_id\`) REFERENCES \`newsroom_write_locks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "articles_id", "sections_id", "disclaimers_id", "sources_id", "workflow_events_id", "newsroom_webhooks_id", "newsroom_webhook_deliveries_id", "newsroom_write_locks_id") SELECT "id", "order", "parent_id", "path", "users_id", "articles_id", "sections_id", "disclaimers_id", "sources_id", "workflow_events_id", "newsroom_webhooks_id", "newsroom_webhook_deliveries_id", "newsroom_write_locks_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsroom_write_locks_id_idx\` ON \`payload_locked_documents_rels\` (\`newsroom_write_locks_id\`);`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`attribution_source_version\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`attribution_ingest_fingerprint\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_attribution_source_version\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_attribution_ingest_fingerprint\`;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
}
