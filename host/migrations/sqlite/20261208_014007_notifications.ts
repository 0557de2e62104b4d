import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`users_notification_settings_muted_in_admin\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_notification_settings_muted_in_admin_order_idx\` ON \`users_notification_settings_muted_in_admin\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_notification_settings_muted_in_admin_parent_idx\` ON \`users_notification_settings_muted_in_admin\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_notification_settings_muted_email\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_notification_settings_muted_email_order_idx\` ON \`users_notification_settings_muted_email\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_notification_settings_muted_email_parent_idx\` ON \`users_notification_settings_muted_email\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`newsroom_notifications\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`recipient_id\` text(36) NOT NULL,
  	\`kind\` text NOT NULL,
  	\`article_id\` text(36),
  	\`article_title\` text,
  	\`actor_name\` text,
  	\`note\` text,
  	\`in_admin\` integer DEFAULT true,
  	\`read_at\` text,
  	\`email\` text DEFAULT 'none',
  	\`emailed_at\` text,
  	\`email_error\` text,
  	\`dedupe_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`recipient_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`newsroom_notifications_recipient_idx\` ON \`newsroom_notifications\` (\`recipient_id\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_notifications_article_idx\` ON \`newsroom_notifications\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_notifications_in_admin_idx\` ON \`newsroom_notifications\` (\`in_admin\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_notifications_read_at_idx\` ON \`newsroom_notifications\` (\`read_at\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_notifications_email_idx\` ON \`newsroom_notifications\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_notifications_dedupe_key_idx\` ON \`newsroom_notifications\` (\`dedupe_key\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_notifications_updated_at_idx\` ON \`newsroom_notifications\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_notifications_created_at_idx\` ON \`newsroom_notifications\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`notification_settings_language\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`notification_settings_email_digest\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`newsroom_notifications_id\` text(36) REFERENCES newsroom_notifications(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsroom_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`newsroom_notifications_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`users_notification_settings_muted_in_admin\`;`)
  await db.run(sql`DROP TABLE \`users_notification_settings_muted_email\`;`)
  await db.run(sql`DROP TABLE \`newsroom_notifications\`;`)
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
  	\`partners_id\` text(36),
  	\`newsroom_partner_receipts_id\` text(36),
  	\`newsroom_partner_deliveries_id\` text(36),
  	\`newsroom_provenance_id\` text(36),
  	\`newsroom_tasks_id\` text(36),
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
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`newsroom_partner_receipts_id\`) REFERENCES \`newsroom_partner_receipts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`newsroom_partner_deliveries_id\`) REFERENCES \`newsroom_partner_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`newsroom_provenance_id\`) REFERENCES \`newsroom_provenance\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`newsroom_tasks_id\`) REFERENCES \`newsroom_tasks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`newsroom_write_locks_id\`) REFERENCES \`newsroom_write_locks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "articles_id", "sections_id", "disclaimers_id", "sources_id", "workflow_events_id", "newsroom_webhooks_id", "newsroom_webhook_deliveries_id", "newsroom_ingest_runs_id", "partners_id", "newsroom_partner_receipts_id", "newsroom_partner_deliveries_id", "newsroom_provenance_id", "newsroom_tasks_id", "media_id", "newsroom_write_locks_id") SELECT "id", "order", "parent_id", "path", "users_id", "articles_id", "sections_id", "disclaimers_id", "sources_id", "workflow_events_id", "newsroom_webhooks_id", "newsroom_webhook_deliveries_id", "newsroom_ingest_runs_id", "partners_id", "newsroom_partner_receipts_id", "newsroom_partner_deliveries_id", "newsroom_provenance_id", "newsroom_tasks_id", "media_id", "newsroom_write_locks_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_partners_id_idx\` ON \`payload_locked_documents_rels\` (\`partners_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsroom_partner_receipts__idx\` ON \`payload_locked_documents_rels\` (\`newsroom_partner_receipts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsroom_partner_deliverie_idx\` ON \`payload_locked_documents_rels\` (\`newsroom_partner_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsroom_provenance_id_idx\` ON \`payload_locked_documents_rels\` (\`newsroom_provenance_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsroom_tasks_id_idx\` ON \`payload_locked_documents_rels\` (\`newsroom_tasks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsroom_write_locks_id_idx\` ON \`payload_locked_documents_rels\` (\`newsroom_write_locks_id\`);`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`notification_settings_language\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`notification_settings_email_digest\`;`)
}
