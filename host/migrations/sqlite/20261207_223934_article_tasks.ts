import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`newsroom_tasks\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`text\` text NOT NULL,
  	\`article_id\` text(36) NOT NULL,
  	\`assignee_id\` text(36),
  	\`done\` integer DEFAULT false,
  	\`done_at\` text,
  	\`done_by_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assignee_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`done_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`newsroom_tasks_article_idx\` ON \`newsroom_tasks\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_tasks_assignee_idx\` ON \`newsroom_tasks\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_tasks_done_idx\` ON \`newsroom_tasks\` (\`done\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_tasks_done_by_idx\` ON \`newsroom_tasks\` (\`done_by_id\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_tasks_updated_at_idx\` ON \`newsroom_tasks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_tasks_created_at_idx\` ON \`newsroom_tasks\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`newsroom_tasks_id\` text(36) REFERENCES newsroom_tasks(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsroom_tasks_id_idx\` ON \`payload_locked_documents_rels\` (\`newsroom_tasks_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`newsroom_tasks\`;`)
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
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`newsroom_write_locks_id\`) REFERENCES \`newsroom_write_locks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "articles_id", "sections_id", "disclaimers_id", "sources_id", "workflow_events_id", "newsroom_webhooks_id", "newsroom_webhook_deliveries_id", "newsroom_ingest_runs_id", "partners_id", "newsroom_partner_receipts_id", "newsroom_partner_deliveries_id", "newsroom_provenance_id", "media_id", "newsroom_write_locks_id") SELECT "id", "order", "parent_id", "path", "users_id", "articles_id", "sections_id", "disclaimers_id", "sources_id", "workflow_events_id", "newsroom_webhooks_id", "newsroom_webhook_deliveries_id", "newsroom_ingest_runs_id", "partners_id", "newsroom_partner_receipts_id", "newsroom_partner_deliveries_id", "newsroom_provenance_id", "media_id", "newsroom_write_locks_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsroom_write_locks_id_idx\` ON \`payload_locked_documents_rels\` (\`newsroom_write_locks_id\`);`)
}
