import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`assigned_to_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`assigned_to_desk\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`articles_assigned_to_idx\` ON \`articles\` (\`assigned_to_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_assigned_to_desk_idx\` ON \`articles\` (\`assigned_to_desk\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_assigned_to_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_assigned_to_desk\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_assigned_to_idx\` ON \`_articles_v\` (\`version_assigned_to_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_assigned_to_desk_idx\` ON \`_articles_v\` (\`version_assigned_to_desk\`);`)
  await db.run(sql`ALTER TABLE \`sections_rels\` ADD \`users_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`sections_rels_users_id_idx\` ON \`sections_rels\` (\`users_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`standfirst\` text,
  	\`featured_image_id\` text(36),
  	\`body\` text,
  	\`origin\` text DEFAULT 'original',
  	\`attribution_source_id\` text(36),
  	\`attribution_original_url\` text,
  	\`attribution_source_item_id\` text,
  	\`attribution_source_version\` text,
  	\`attribution_ingest_fingerprint\` text,
  	\`attribution_original_url_key\` text,
  	\`attribution_story_fingerprint\` text,
  	\`attribution_original_title\` text,
  	\`attribution_original_language\` text,
  	\`attribution_original_authors\` text,
  	\`attribution_original_published_at\` text,
  	\`attribution_original_updated_at\` text,
  	\`attribution_retrieved_at\` text,
  	\`attribution_rights_expire_at\` text,
  	\`attribution_transformation\` text,
  	\`attribution_credit_text\` text,
  	\`attribution_licence\` text,
  	\`attribution_usage_terms\` text,
  	\`attribution_copyright_holder\` text,
  	\`attribution_copyright_notice\` text,
  	\`attribution_canonical\` text,
  	\`attribution_view_original_label\` text,
  	\`byline_automated_enabled\` integer DEFAULT false,
  	\`byline_automated_label\` text DEFAULT 'robot',
  	\`byline_automated_system\` text,
  	\`summary_status\` text DEFAULT 'none',
  	\`summary_text\` text,
  	\`summary_produced_by\` text,
  	\`summary_produced_at\` text,
  	\`summary_error\` text,
  	\`ai_disclosure_level\` text DEFAULT 'none',
  	\`ai_disclosure_reviewed_by_id\` text(36),
  	\`ai_disclosure_reviewed_at\` text,
  	\`ai_disclosure_responsible_editor_id\` text(36),
  	\`comments_enabled\` integer DEFAULT true,
  	\`comments_max_length\` numeric DEFAULT 400,
  	\`comments_moderation\` integer DEFAULT true,
  	\`workflow_state\` text DEFAULT 'draft',
  	\`scheduled_publish_at\` text,
  	\`compliance_problems\` numeric DEFAULT 0,
  	\`possible_duplicate_of_id\` text(36),
  	\`possible_duplicate_reason\` text,
  	\`possible_duplicate_dismissed\` integer,
  	\`created_by_id\` text(36),
  	\`updated_by_id\` text(36),
  	\`language\` text,
  	\`slug\` text,
  	\`section_id\` text(36),
  	\`published_at\` text,
  	\`embargo_until\` text,
  	\`pinned\` integer DEFAULT false,
  	\`pinned_until\` text,
  	\`translation_of_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`featured_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`attribution_source_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`ai_disclosure_reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`ai_disclosure_responsible_editor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`possible_duplicate_of_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`translation_of_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles\`("id", "title", "standfirst", "featured_image_id", "body", "origin", "attribution_source_id", "attribution_original_url", "attribution_source_item_id", "attribution_source_version", "attribution_ingest_fingerprint", "attribution_original_url_key", "attribution_story_fingerprint", "attribution_original_title", "attribution_original_language", "attribution_original_authors", "attribution_original_published_at", "attribution_original_updated_at", "attribution_retrieved_at", "attribution_rights_expire_at", "attribution_transformation", "attribution_credit_text", "attribution_licence", "attribution_usage_terms", "attribution_copyright_holder", "attribution_copyright_notice", "attribution_canonical", "attribution_view_original_label", "byline_automated_enabled", "byline_automated_label", "byline_automated_system", "summary_status", "summary_text", "summary_produced_by", "summary_produced_at", "summary_error", "ai_disclosure_level", "ai_disclosure_reviewed_by_id", "ai_disclosure_reviewed_at", "ai_disclosure_responsible_editor_id", "comments_enabled", "comments_max_length", "comments_moderation", "workflow_state", "scheduled_publish_at", "compliance_problems", "possible_duplicate_of_id", "possible_duplicate_reason", "possible_duplicate_dismissed", "created_by_id", "updated_by_id", "language", "slug", "section_id", "published_at", "embargo_until", "pinned", "pinned_until", "translation_of_id", "updated_at", "created_at", "_status") SELECT "id", "title", "standfirst", "featured_image_id", "body", "origin", "attribution_source_id", "attribution_original_url", "attribution_source_item_id", "attribution_source_version", "attribution_ingest_fingerprint", "attribution_original_url_key", "attribution_story_fingerprint", "attribution_original_title", "attribution_original_language", "attribution_original_authors", "attribution_original_published_at", "attribution_original_updated_at", "attribution_retrieved_at", "attribution_rights_expire_at", "attribution_transformation", "attribution_credit_text", "attribution_licence", "attribution_usage_terms", "attribution_copyright_holder", "attribution_copyright_notice", "attribution_canonical", "attribution_view_original_label", "byline_automated_enabled", "byline_automated_label", "byline_automated_system", "summary_status", "summary_text", "summary_produced_by", "summary_produced_at", "summary_error", "ai_disclosure_level", "ai_disclosure_reviewed_by_id", "ai_disclosure_reviewed_at", "ai_disclosure_responsible_editor_id", "comments_enabled", "comments_max_length", "comments_moderation", "workflow_state", "scheduled_publish_at", "compliance_problems", "possible_duplicate_of_id", "possible_duplicate_reason", "possible_duplicate_dismissed", "created_by_id", "updated_by_id", "language", "slug", "section_id", "published_at", "embargo_until", "pinned", "pinned_until", "translation_of_id", "updated_at", "created_at", "_status" FROM \`articles\`;`)
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles\` RENAME TO \`articles\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`articles_featured_image_idx\` ON \`articles\` (\`featured_image_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_origin_idx\` ON \`articles\` (\`origin\`);`)
  await db.run(sql`CREATE INDEX \`articles_attribution_attribution_source_idx\` ON \`articles\` (\`attribution_source_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_attribution_attribution_source_item_id_idx\` ON \`articles\` (\`attribution_source_item_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_attribution_attribution_original_url_key_idx\` ON \`articles\` (\`attribution_original_url_key\`);`)
  await db.run(sql`CREATE INDEX \`articles_attribution_attribution_story_fingerprint_idx\` ON \`articles\` (\`attribution_story_fingerprint\`);`)
  await db.run(sql`CREATE INDEX \`articles_attribution_attribution_rights_expire_at_idx\` ON \`articles\` (\`attribution_rights_expire_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_ai_disclosure_ai_disclosure_reviewed_by_idx\` ON \`articles\` (\`ai_disclosure_reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_ai_disclosure_ai_disclosure_responsible_editor_idx\` ON \`articles\` (\`ai_disclosure_responsible_editor_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_workflow_state_idx\` ON \`articles\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`articles_compliance_problems_idx\` ON \`articles\` (\`compliance_problems\`);`)
  await db.run(sql`CREATE INDEX \`articles_possible_duplicate_possible_duplicate_of_idx\` ON \`articles\` (\`possible_duplicate_of_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_by_idx\` ON \`articles\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_by_idx\` ON \`articles\` (\`updated_by_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_language_idx\` ON \`articles\` (\`language\`);`)
  await db.run(sql`CREATE INDEX \`articles_slug_idx\` ON \`articles\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`articles_section_idx\` ON \`articles\` (\`section_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_published_at_idx\` ON \`articles\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_translation_of_idx\` ON \`articles\` (\`translation_of_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`language_slug_idx\` ON \`articles\` (\`language\`,\`slug\`);`)
  await db.run(sql`CREATE INDEX \`language_section__status_pinned_publishedAt_createdAt_idx\` ON \`articles\` (\`language\`,\`section_id\`,\`_status\`,\`pinned\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`articles\` (\`language\`,\`section_id\`,\`_status\`,\`workflow_state\`,\`pinned\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`language__status_workflowState_pinned_publishedAt_create_idx\` ON \`articles\` (\`language\`,\`_status\`,\`workflow_state\`,\`pinned\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`attribution_source_attribution_sourceItemId_idx\` ON \`articles\` (\`attribution_source_id\`,\`attribution_source_item_id\`);`)
  await db.run(sql`CREATE INDEX \`translationOf__status_idx\` ON \`articles\` (\`translation_of_id\`,\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_standfirst\` text,
  	\`version_featured_image_id\` text(36),
  	\`version_body\` text,
  	\`version_origin\` text DEFAULT 'original',
  	\`version_attribution_source_id\` text(36),
  	\`version_attribution_original_url\` text,
  	\`version_attribution_source_item_id\` text,
  	\`version_attribution_source_version\` text,
  	\`version_attribution_ingest_fingerprint\` text,
  	\`version_attribution_original_url_key\` text,
  	\`version_attribution_story_fingerprint\` text,
  	\`version_attribution_original_title\` text,
  	\`version_attribution_original_language\` text,
  	\`version_attribution_original_authors\` text,
  	\`version_attribution_original_published_at\` text,
  	\`version_attribution_original_updated_at\` text,
  	\`version_attribution_retrieved_at\` text,
  	\`version_attribution_rights_expire_at\` text,
  	\`version_attribution_transformation\` text,
  	\`version_attribution_credit_text\` text,
  	\`version_attribution_licence\` text,
  	\`version_attribution_usage_terms\` text,
  	\`version_attribution_copyright_holder\` text,
  	\`version_attribution_copyright_notice\` text,
  	\`version_attribution_canonical\` text,
  	\`version_attribution_view_original_label\` text,
  	\`version_byline_automated_enabled\` integer DEFAULT false,
  	\`version_byline_automated_label\` text DEFAULT 'robot',
  	\`version_byline_automated_system\` text,
  	\`version_summary_status\` text DEFAULT 'none',
  	\`version_summary_text\` text,
  	\`version_summary_produced_by\` text,
  	\`version_summary_produced_at\` text,
  	\`version_summary_error\` text,
  	\`version_ai_disclosure_level\` text DEFAULT 'none',
  	\`version_ai_disclosure_reviewed_by_id\` text(36),
  	\`version_ai_disclosure_reviewed_at\` text,
  	\`version_ai_disclosure_responsible_editor_id\` text(36),
  	\`version_comments_enabled\` integer DEFAULT true,
  	\`version_comments_max_length\` numeric DEFAULT 400,
  	\`version_comments_moderation\` integer DEFAULT true,
  	\`version_workflow_state\` text DEFAULT 'draft',
  	\`version_scheduled_publish_at\` text,
  	\`version_compliance_problems\` numeric DEFAULT 0,
  	\`version_possible_duplicate_of_id\` text(36),
  	\`version_possible_duplicate_reason\` text,
  	\`version_possible_duplicate_dismissed\` integer,
  	\`version_created_by_id\` text(36),
  	\`version_updated_by_id\` text(36),
  	\`version_language\` text,
  	\`version_slug\` text,
  	\`version_section_id\` text(36),
  	\`version_published_at\` text,
  	\`version_embargo_until\` text,
  	\`version_pinned\` integer DEFAULT false,
  	\`version_pinned_until\` text,
  	\`version_translation_of_id\` text(36),
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_featured_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_attribution_source_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_ai_disclosure_reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_ai_disclosure_responsible_editor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_possible_duplicate_of_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_translation_of_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_title", "version_standfirst", "version_featured_image_id", "version_body", "version_origin", "version_attribution_source_id", "version_attribution_original_url", "version_attribution_source_item_id", "version_attribution_source_version", "version_attribution_ingest_fingerprint", "version_attribution_original_url_key", "version_attribution_story_fingerprint", "version_attribution_original_title", "version_attribution_original_language", "version_attribution_original_authors", "version_attribution_original_published_at", "version_attribution_original_updated_at", "version_attribution_retrieved_at", "version_attribution_rights_expire_at", "version_attribution_transformation", "version_attribution_credit_text", "version_attribution_licence", "version_attribution_usage_terms", "version_attribution_copyright_holder", "version_attribution_copyright_notice", "version_attribution_canonical", "version_attribution_view_original_label", "version_byline_automated_enabled", "version_byline_automated_label", "version_byline_automated_system", "version_summary_status", "version_summary_text", "version_summary_produced_by", "version_summary_produced_at", "version_summary_error", "version_ai_disclosure_level", "version_ai_disclosure_reviewed_by_id", "version_ai_disclosure_reviewed_at", "version_ai_disclosure_responsible_editor_id", "version_comments_enabled", "version_comments_max_length", "version_comments_moderation", "version_workflow_state", "version_scheduled_publish_at", "version_compliance_problems", "version_possible_duplicate_of_id", "version_possible_duplicate_reason", "version_possible_duplicate_dismissed", "version_created_by_id", "version_updated_by_id", "version_language", "version_slug", "version_section_id", "version_published_at", "version_embargo_until", "version_pinned", "version_pinned_until", "version_translation_of_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_standfirst", "version_featured_image_id", "version_body", "version_origin", "version_attribution_source_id", "version_attribution_original_url", "version_attribution_source_item_id", "version_attribution_source_version", "version_attribution_ingest_fingerprint", "version_attribution_original_url_key", "version_attribution_story_fingerprint", "version_attribution_original_title", "version_attribution_original_language", "version_attribution_original_authors", "version_attribution_original_published_at", "version_attribution_original_updated_at", "version_attribution_retrieved_at", "version_attribution_rights_expire_at", "version_attribution_transformation", "version_attribution_credit_text", "version_attribution_licence", "version_attribution_usage_terms", "version_attribution_copyright_holder", "version_attribution_copyright_notice", "version_attribution_canonical", "version_attribution_view_original_label", "version_byline_automated_enabled", "version_byline_automated_label", "version_byline_automated_system", "version_summary_status", "version_summary_text", "version_summary_produced_by", "version_summary_produced_at", "version_summary_error", "version_ai_disclosure_level", "version_ai_disclosure_reviewed_by_id", "version_ai_disclosure_reviewed_at", "version_ai_disclosure_responsible_editor_id", "version_comments_enabled", "version_comments_max_length", "version_comments_moderation", "version_workflow_state", "version_scheduled_publish_at", "version_compliance_problems", "version_possible_duplicate_of_id", "version_possible_duplicate_reason", "version_possible_duplicate_dismissed", "version_created_by_id", "version_updated_by_id", "version_language", "version_slug", "version_section_id", "version_published_at", "version_embargo_until", "version_pinned", "version_pinned_until", "version_translation_of_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v\` RENAME TO \`_articles_v\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_featured_image_idx\` ON \`_articles_v\` (\`version_featured_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_origin_idx\` ON \`_articles_v\` (\`version_origin\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_attribution_version_attribution_sour_idx\` ON \`_articles_v\` (\`version_attribution_source_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_attribution_version_attribution_so_1_idx\` ON \`_articles_v\` (\`version_attribution_source_item_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_attribution_version_attribution_orig_idx\` ON \`_articles_v\` (\`version_attribution_original_url_key\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_attribution_version_attribution_stor_idx\` ON \`_articles_v\` (\`version_attribution_story_fingerprint\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_attribution_version_attribution_righ_idx\` ON \`_articles_v\` (\`version_attribution_rights_expire_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_ai_disclosure_version_ai_disclosure__idx\` ON \`_articles_v\` (\`version_ai_disclosure_reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_ai_disclosure_version_ai_disclosur_1_idx\` ON \`_articles_v\` (\`version_ai_disclosure_responsible_editor_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_workflow_state_idx\` ON \`_articles_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_compliance_problems_idx\` ON \`_articles_v\` (\`version_compliance_problems\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_possible_duplicate_version_possible__idx\` ON \`_articles_v\` (\`version_possible_duplicate_of_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_by_idx\` ON \`_articles_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_by_idx\` ON \`_articles_v\` (\`version_updated_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_language_idx\` ON \`_articles_v\` (\`version_language\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_slug_idx\` ON \`_articles_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_section_idx\` ON \`_articles_v\` (\`version_section_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_published_at_idx\` ON \`_articles_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_translation_of_idx\` ON \`_articles_v\` (\`version_translation_of_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_snapshot_idx\` ON \`_articles_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_published_locale_idx\` ON \`_articles_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_autosave_idx\` ON \`_articles_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`version_language_version_slug_idx\` ON \`_articles_v\` (\`version_language\`,\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_1_idx\` ON \`_articles_v\` (\`version_language\`,\`version_section_id\`,\`version__status\`,\`version_pinned\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_2_idx\` ON \`_articles_v\` (\`version_language\`,\`version_section_id\`,\`version__status\`,\`version_workflow_state\`,\`version_pinned\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_3_idx\` ON \`_articles_v\` (\`version_language\`,\`version__status\`,\`version_workflow_state\`,\`version_pinned\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`version_attribution_source_version_attribution_sourceIte_idx\` ON \`_articles_v\` (\`version_attribution_source_id\`,\`version_attribution_source_item_id\`);`)
  await db.run(sql`CREATE INDEX \`version_translationOf_version__status_idx\` ON \`_articles_v\` (\`version_translation_of_id\`,\`version__status\`);`)
  await db.run(sql`CREATE TABLE \`__new_sections_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`disclaimers_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`disclaimers_id\`) REFERENCES \`disclaimers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_sections_rels\`("id", "order", "parent_id", "path", "disclaimers_id") SELECT "id", "order", "parent_id", "path", "disclaimers_id" FROM \`sections_rels\`;`)
  await db.run(sql`DROP TABLE \`sections_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_sections_rels\` RENAME TO \`sections_rels\`;`)
  await db.run(sql`CREATE INDEX \`sections_rels_order_idx\` ON \`sections_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`sections_rels_parent_idx\` ON \`sections_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`sections_rels_path_idx\` ON \`sections_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`sections_rels_disclaimers_id_idx\` ON \`sections_rels\` (\`disclaimers_id\`);`)
}
