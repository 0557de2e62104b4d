import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."_locales" AS ENUM('fr', 'en');
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'writer', 'ingest');
  CREATE TYPE "public"."enum_articles_corrections_type" AS ENUM('correction', 'clarification', 'retraction');
  CREATE TYPE "public"."enum_articles_origin" AS ENUM('original', 'syndicated');
  CREATE TYPE "public"."enum_articles_attribution_transformation" AS ENUM('verbatim', 'excerpt', 'translated', 'summarised', 'rewritten');
  CREATE TYPE "public"."enum_articles_attribution_canonical" AS ENUM('self', 'original', 'noindex');
  CREATE TYPE "public"."enum_articles_summary_status" AS ENUM('none', 'pending', 'ready', 'failed');
  CREATE TYPE "public"."enum_articles_ai_disclosure_level" AS ENUM('none', 'summary', 'translation', 'assisted', 'generated');
  CREATE TYPE "public"."enum_articles_workflow_state" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published', 'retracted', 'archived');
  CREATE TYPE "public"."enum_articles_language" AS ENUM('fr', 'en');
  CREATE TYPE "public"."enum_articles_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__articles_v_version_corrections_type" AS ENUM('correction', 'clarification', 'retraction');
  CREATE TYPE "public"."enum__articles_v_version_origin" AS ENUM('original', 'syndicated');
  CREATE TYPE "public"."enum__articles_v_version_attribution_transformation" AS ENUM('verbatim', 'excerpt', 'translated', 'summarised', 'rewritten');
  CREATE TYPE "public"."enum__articles_v_version_attribution_canonical" AS ENUM('self', 'original', 'noindex');
  CREATE TYPE "public"."enum__articles_v_version_summary_status" AS ENUM('none', 'pending', 'ready', 'failed');
  CREATE TYPE "public"."enum__articles_v_version_ai_disclosure_level" AS ENUM('none', 'summary', 'translation', 'assisted', 'generated');
  CREATE TYPE "public"."enum__articles_v_version_workflow_state" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published', 'retracted', 'archived');
  CREATE TYPE "public"."enum__articles_v_version_language" AS ENUM('fr', 'en');
  CREATE TYPE "public"."enum__articles_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__articles_v_published_locale" AS ENUM('fr', 'en');
  CREATE TYPE "public"."enum_sections_required_disclaimer_kinds" AS ENUM('third-party', 'not-financial-advice', 'ai-generated', 'sponsored', 'regulatory');
  CREATE TYPE "public"."enum_disclaimers_kind" AS ENUM('third-party', 'not-financial-advice', 'ai-generated', 'sponsored', 'regulatory');
  CREATE TYPE "public"."enum_disclaimers_status" AS ENUM('draft', 'approved', 'retired');
  CREATE TYPE "public"."enum_sources_category" AS ENUM('wire', 'partner', 'aggregator', 'press-release', 'user-generated', 'staff');
  CREATE TYPE "public"."enum_sources_status" AS ENUM('active', 'suspended');
  CREATE TYPE "public"."enum_sources_canonical_policy" AS ENUM('self', 'original', 'noindex');
  CREATE TYPE "public"."enum_workflow_events_action" AS ENUM('submit', 'requestChanges', 'approve', 'publish', 'schedule', 'unschedule', 'correct', 'retract', 'archive', 'reopen', 'unpublish', 'delete');
  CREATE TYPE "public"."enum_workflow_events_from" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published', 'retracted', 'archived');
  CREATE TYPE "public"."enum_workflow_events_to" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published', 'retracted', 'archived', 'deleted');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'newsroomPublishScheduled', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'newsroomPublishScheduled', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_query_presets_access_read_constraint" AS ENUM('everyone', 'onlyMe', 'specificUsers');
  CREATE TYPE "public"."enum_payload_query_presets_access_update_constraint" AS ENUM('everyone', 'onlyMe', 'specificUsers');
  CREATE TYPE "public"."enum_payload_query_presets_access_delete_constraint" AS ENUM('everyone', 'onlyMe', 'specificUsers');
  CREATE TYPE "public"."enum_payload_query_presets_related_collection" AS ENUM('articles');
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_users_roles",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"enable_a_p_i_key" boolean,
  	"api_key" varchar,
  	"api_key_index" varchar,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "articles_applied_disclaimers" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"disclaimer_id" uuid,
  	"key" varchar,
  	"kind" varchar,
  	"version" numeric,
  	"content_hash" varchar,
  	"texts" jsonb,
  	"applied_at" timestamp(3) with time zone,
  	"applied_by_id" uuid
  );
  
  CREATE TABLE "articles_corrections" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"type" "enum_articles_corrections_type",
  	"text" varchar,
  	"at" timestamp(3) with time zone,
  	"by_id" uuid
  );
  
  CREATE TABLE "articles" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar,
  	"standfirst" varchar,
  	"body" jsonb,
  	"origin" "enum_articles_origin" DEFAULT 'original',
  	"attribution_source_id" uuid,
  	"attribution_original_url" varchar,
  	"attribution_source_item_id" varchar,
  	"attribution_original_title" varchar,
  	"attribution_original_language" varchar,
  	"attribution_original_published_at" timestamp(3) with time zone,
  	"attribution_original_updated_at" timestamp(3) with time zone,
  	"attribution_retrieved_at" timestamp(3) with time zone,
  	"attribution_transformation" "enum_articles_attribution_transformation",
  	"attribution_credit_text" varchar,
  	"attribution_licence" varchar,
  	"attribution_usage_terms" varchar,
  	"attribution_copyright_holder" varchar,
  	"attribution_copyright_notice" varchar,
  	"attribution_canonical" "enum_articles_attribution_canonical",
  	"attribution_view_original_label" varchar,
  	"byline_automated_enabled" boolean DEFAULT false,
  	"byline_automated_label" varchar DEFAULT 'robot',
  	"byline_automated_system" varchar,
  	"summary_status" "enum_articles_summary_status" DEFAULT 'none',
  	"summary_text" varchar,
  	"summary_produced_by" varchar,
  	"summary_produced_at" timestamp(3) with time zone,
  	"ai_disclosure_level" "enum_articles_ai_disclosure_level" DEFAULT 'none',
  	"ai_disclosure_reviewed_by_id" uuid,
  	"ai_disclosure_reviewed_at" timestamp(3) with time zone,
  	"ai_disclosure_responsible_editor_id" uuid,
  	"comments_enabled" boolean DEFAULT true,
  	"comments_max_length" numeric DEFAULT 400,
  	"comments_moderation" boolean DEFAULT true,
  	"workflow_state" "enum_articles_workflow_state" DEFAULT 'draft',
  	"scheduled_publish_at" timestamp(3) with time zone,
  	"compliance_problems" numeric DEFAULT 0,
  	"created_by_id" uuid,
  	"language" "enum_articles_language",
  	"slug" varchar,
  	"section_id" uuid,
  	"published_at" timestamp(3) with time zone,
  	"pinned" boolean DEFAULT false,
  	"pinned_until" timestamp(3) with time zone,
  	"translation_of_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_articles_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "articles_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "articles_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" uuid,
  	"disclaimers_id" uuid
  );
  
  CREATE TABLE "_articles_v_version_applied_disclaimers" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"disclaimer_id" uuid,
  	"key" varchar,
  	"kind" varchar,
  	"version" numeric,
  	"content_hash" varchar,
  	"texts" jsonb,
  	"applied_at" timestamp(3) with time zone,
  	"applied_by_id" uuid,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_articles_v_version_corrections" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"type" "enum__articles_v_version_corrections_type",
  	"text" varchar,
  	"at" timestamp(3) with time zone,
  	"by_id" uuid,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_articles_v" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"parent_id" uuid,
  	"version_title" varchar,
  	"version_standfirst" varchar,
  	"version_body" jsonb,
  	"version_origin" "enum__articles_v_version_origin" DEFAULT 'original',
  	"version_attribution_source_id" uuid,
  	"version_attribution_original_url" varchar,
  	"version_attribution_source_item_id" varchar,
  	"version_attribution_original_title" varchar,
  	"version_attribution_original_language" varchar,
  	"version_attribution_original_published_at" timestamp(3) with time zone,
  	"version_attribution_original_updated_at" timestamp(3) with time zone,
  	"version_attribution_retrieved_at" timestamp(3) with time zone,
  	"version_attribution_transformation" "enum__articles_v_version_attribution_transformation",
  	"version_attribution_credit_text" varchar,
  	"version_attribution_licence" varchar,
  	"version_attribution_usage_terms" varchar,
  	"version_attribution_copyright_holder" varchar,
  	"version_attribution_copyright_notice" varchar,
  	"version_attribution_canonical" "enum__articles_v_version_attribution_canonical",
  	"version_attribution_view_original_label" varchar,
  	"version_byline_automated_enabled" boolean DEFAULT false,
  	"version_byline_automated_label" varchar DEFAULT 'robot',
  	"version_byline_automated_system" varchar,
  	"version_summary_status" "enum__articles_v_version_summary_status" DEFAULT 'none',
  	"version_summary_text" varchar,
  	"version_summary_produced_by" varchar,
  	"version_summary_produced_at" timestamp(3) with time zone,
  	"version_ai_disclosure_level" "enum__articles_v_version_ai_disclosure_level" DEFAULT 'none',
  	"version_ai_disclosure_reviewed_by_id" uuid,
  	"version_ai_disclosure_reviewed_at" timestamp(3) with time zone,
  	"version_ai_disclosure_responsible_editor_id" uuid,
  	"version_comments_enabled" boolean DEFAULT true,
  	"version_comments_max_length" numeric DEFAULT 400,
  	"version_comments_moderation" boolean DEFAULT true,
  	"version_workflow_state" "enum__articles_v_version_workflow_state" DEFAULT 'draft',
  	"version_scheduled_publish_at" timestamp(3) with time zone,
  	"version_compliance_problems" numeric DEFAULT 0,
  	"version_created_by_id" uuid,
  	"version_language" "enum__articles_v_version_language",
  	"version_slug" varchar,
  	"version_section_id" uuid,
  	"version_published_at" timestamp(3) with time zone,
  	"version_pinned" boolean DEFAULT false,
  	"version_pinned_until" timestamp(3) with time zone,
  	"version_translation_of_id" uuid,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__articles_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__articles_v_published_locale",
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_articles_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_articles_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" uuid,
  	"disclaimers_id" uuid
  );
  
  CREATE TABLE "sections_required_disclaimer_kinds" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_sections_required_disclaimer_kinds",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "sections" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"slug" varchar,
  	"parent_id" uuid,
  	"order" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sections_locales" (
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" uuid NOT NULL
  );
  
  CREATE TABLE "sections_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"disclaimers_id" uuid
  );
  
  CREATE TABLE "disclaimers" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar NOT NULL,
  	"kind" "enum_disclaimers_kind" NOT NULL,
  	"full_page_url" varchar,
  	"prescribed_wording" boolean DEFAULT false,
  	"status" "enum_disclaimers_status" DEFAULT 'draft',
  	"effective_from" timestamp(3) with time zone,
  	"effective_to" timestamp(3) with time zone,
  	"version" numeric DEFAULT 1,
  	"approved_by_id" uuid,
  	"approved_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "disclaimers_locales" (
  	"title" varchar NOT NULL,
  	"short_text" varchar NOT NULL,
  	"long_text" varchar,
  	"content_hash" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" uuid NOT NULL
  );
  
  CREATE TABLE "sources" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"homepage_url" varchar,
  	"category" "enum_sources_category" NOT NULL,
  	"status" "enum_sources_status" DEFAULT 'active',
  	"default_licence" varchar,
  	"copyright_holder" varchar,
  	"canonical_policy" "enum_sources_canonical_policy" DEFAULT 'noindex',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sources_locales" (
  	"credit_line" varchar,
  	"usage_terms" varchar,
  	"copyright_notice" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" uuid NOT NULL
  );
  
  CREATE TABLE "sources_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"disclaimers_id" uuid
  );
  
  CREATE TABLE "workflow_events" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"article_id" uuid,
  	"article_ref" varchar,
  	"article_title" varchar,
  	"action" "enum_workflow_events_action" NOT NULL,
  	"from" "enum_workflow_events_from",
  	"to" "enum_workflow_events_to" NOT NULL,
  	"note" varchar,
  	"by_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "newsroom_write_locks" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar NOT NULL,
  	"taken_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "payload_kv" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" uuid,
  	"articles_id" uuid,
  	"sections_id" uuid,
  	"disclaimers_id" uuid,
  	"sources_id" uuid,
  	"workflow_events_id" uuid,
  	"newsroom_write_locks_id" uuid
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" uuid
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_query_presets" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar NOT NULL,
  	"is_shared" boolean DEFAULT false,
  	"access_read_constraint" "enum_payload_query_presets_access_read_constraint" DEFAULT 'onlyMe',
  	"access_update_constraint" "enum_payload_query_presets_access_update_constraint" DEFAULT 'onlyMe',
  	"access_delete_constraint" "enum_payload_query_presets_access_delete_constraint" DEFAULT 'onlyMe',
  	"where" jsonb,
  	"columns" jsonb,
  	"group_by" varchar,
  	"related_collection" "enum_payload_query_presets_related_collection" NOT NULL,
  	"is_temp" boolean,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_query_presets_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" uuid
  );
  
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_applied_disclaimers" ADD CONSTRAINT "articles_applied_disclaimers_disclaimer_id_disclaimers_id_fk" FOREIGN KEY ("disclaimer_id") REFERENCES "public"."disclaimers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_applied_disclaimers" ADD CONSTRAINT "articles_applied_disclaimers_applied_by_id_users_id_fk" FOREIGN KEY ("applied_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_applied_disclaimers" ADD CONSTRAINT "articles_applied_disclaimers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_corrections" ADD CONSTRAINT "articles_corrections_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_corrections" ADD CONSTRAINT "articles_corrections_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_attribution_source_id_sources_id_fk" FOREIGN KEY ("attribution_source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_ai_disclosure_reviewed_by_id_users_id_fk" FOREIGN KEY ("ai_disclosure_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_ai_disclosure_responsible_editor_id_users_id_fk" FOREIGN KEY ("ai_disclosure_responsible_editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_translation_of_id_articles_id_fk" FOREIGN KEY ("translation_of_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_texts" ADD CONSTRAINT "articles_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_disclaimers_fk" FOREIGN KEY ("disclaimers_id") REFERENCES "public"."disclaimers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_version_applied_disclaimers" ADD CONSTRAINT "_articles_v_version_applied_disclaimers_disclaimer_id_disclaimers_id_fk" FOREIGN KEY ("disclaimer_id") REFERENCES "public"."disclaimers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_version_applied_disclaimers" ADD CONSTRAINT "_articles_v_version_applied_disclaimers_applied_by_id_users_id_fk" FOREIGN KEY ("applied_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_version_applied_disclaimers" ADD CONSTRAINT "_articles_v_version_applied_disclaimers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_version_corrections" ADD CONSTRAINT "_articles_v_version_corrections_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_version_corrections" ADD CONSTRAINT "_articles_v_version_corrections_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_parent_id_articles_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_attribution_source_id_sources_id_fk" FOREIGN KEY ("version_attribution_source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_ai_disclosure_reviewed_by_id_users_id_fk" FOREIGN KEY ("version_ai_disclosure_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_ai_disclosure_responsible_editor_id_users_id_fk" FOREIGN KEY ("version_ai_disclosure_responsible_editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_created_by_id_users_id_fk" FOREIGN KEY ("version_created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_section_id_sections_id_fk" FOREIGN KEY ("version_section_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_translation_of_id_articles_id_fk" FOREIGN KEY ("version_translation_of_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_texts" ADD CONSTRAINT "_articles_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_disclaimers_fk" FOREIGN KEY ("disclaimers_id") REFERENCES "public"."disclaimers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sections_required_disclaimer_kinds" ADD CONSTRAINT "sections_required_disclaimer_kinds_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sections" ADD CONSTRAINT "sections_parent_id_sections_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sections_locales" ADD CONSTRAINT "sections_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sections_rels" ADD CONSTRAINT "sections_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sections_rels" ADD CONSTRAINT "sections_rels_disclaimers_fk" FOREIGN KEY ("disclaimers_id") REFERENCES "public"."disclaimers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "disclaimers" ADD CONSTRAINT "disclaimers_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "disclaimers_locales" ADD CONSTRAINT "disclaimers_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."disclaimers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sources_locales" ADD CONSTRAINT "sources_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sources_rels" ADD CONSTRAINT "sources_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sources_rels" ADD CONSTRAINT "sources_rels_disclaimers_fk" FOREIGN KEY ("disclaimers_id") REFERENCES "public"."disclaimers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sections_fk" FOREIGN KEY ("sections_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_disclaimers_fk" FOREIGN KEY ("disclaimers_id") REFERENCES "public"."disclaimers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sources_fk" FOREIGN KEY ("sources_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_workflow_events_fk" FOREIGN KEY ("workflow_events_id") REFERENCES "public"."workflow_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_newsroom_write_locks_fk" FOREIGN KEY ("newsroom_write_locks_id") REFERENCES "public"."newsroom_write_locks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_query_presets_rels" ADD CONSTRAINT "payload_query_presets_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_query_presets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_query_presets_rels" ADD CONSTRAINT "payload_query_presets_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "articles_applied_disclaimers_order_idx" ON "articles_applied_disclaimers" USING btree ("_order");
  CREATE INDEX "articles_applied_disclaimers_parent_id_idx" ON "articles_applied_disclaimers" USING btree ("_parent_id");
  CREATE INDEX "articles_applied_disclaimers_disclaimer_idx" ON "articles_applied_disclaimers" USING btree ("disclaimer_id");
  CREATE INDEX "articles_applied_disclaimers_applied_by_idx" ON "articles_applied_disclaimers" USING btree ("applied_by_id");
  CREATE INDEX "articles_corrections_order_idx" ON "articles_corrections" USING btree ("_order");
  CREATE INDEX "articles_corrections_parent_id_idx" ON "articles_corrections" USING btree ("_parent_id");
  CREATE INDEX "articles_corrections_by_idx" ON "articles_corrections" USING btree ("by_id");
  CREATE INDEX "articles_origin_idx" ON "articles" USING btree ("origin");
  CREATE INDEX "articles_attribution_attribution_source_idx" ON "articles" USING btree ("attribution_source_id");
  CREATE INDEX "articles_attribution_attribution_source_item_id_idx" ON "articles" USING btree ("attribution_source_item_id");
  CREATE INDEX "articles_ai_disclosure_ai_disclosure_reviewed_by_idx" ON "articles" USING btree ("ai_disclosure_reviewed_by_id");
  CREATE INDEX "articles_ai_disclosure_ai_disclosure_responsible_editor_idx" ON "articles" USING btree ("ai_disclosure_responsible_editor_id");
  CREATE INDEX "articles_workflow_state_idx" ON "articles" USING btree ("workflow_state");
  CREATE INDEX "articles_compliance_problems_idx" ON "articles" USING btree ("compliance_problems");
  CREATE INDEX "articles_created_by_idx" ON "articles" USING btree ("created_by_id");
  CREATE INDEX "articles_language_idx" ON "articles" USING btree ("language");
  CREATE INDEX "articles_slug_idx" ON "articles" USING btree ("slug");
  CREATE INDEX "articles_section_idx" ON "articles" USING btree ("section_id");
  CREATE INDEX "articles_published_at_idx" ON "articles" USING btree ("published_at");
  CREATE INDEX "articles_translation_of_idx" ON "articles" USING btree ("translation_of_id");
  CREATE INDEX "articles_updated_at_idx" ON "articles" USING btree ("updated_at");
  CREATE INDEX "articles_created_at_idx" ON "articles" USING btree ("created_at");
  CREATE INDEX "articles__status_idx" ON "articles" USING btree ("_status");
  CREATE UNIQUE INDEX "language_slug_idx" ON "articles" USING btree ("language","slug");
  CREATE INDEX "language_section__status_pinned_publishedAt_createdAt_idx" ON "articles" USING btree ("language","section_id","_status","pinned","published_at","created_at");
  CREATE INDEX "attribution_source_attribution_sourceItemId_idx" ON "articles" USING btree ("attribution_source_id","attribution_source_item_id");
  CREATE INDEX "translationOf__status_idx" ON "articles" USING btree ("translation_of_id","_status");
  CREATE INDEX "articles_texts_order_parent" ON "articles_texts" USING btree ("order","parent_id");
  CREATE INDEX "articles_rels_order_idx" ON "articles_rels" USING btree ("order");
  CREATE INDEX "articles_rels_parent_idx" ON "articles_rels" USING btree ("parent_id");
  CREATE INDEX "articles_rels_path_idx" ON "articles_rels" USING btree ("path");
  CREATE INDEX "articles_rels_users_id_idx" ON "articles_rels" USING btree ("users_id");
  CREATE INDEX "articles_rels_disclaimers_id_idx" ON "articles_rels" USING btree ("disclaimers_id");
  CREATE INDEX "_articles_v_version_applied_disclaimers_order_idx" ON "_articles_v_version_applied_disclaimers" USING btree ("_order");
  CREATE INDEX "_articles_v_version_applied_disclaimers_parent_id_idx" ON "_articles_v_version_applied_disclaimers" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_version_applied_disclaimers_disclaimer_idx" ON "_articles_v_version_applied_disclaimers" USING btree ("disclaimer_id");
  CREATE INDEX "_articles_v_version_applied_disclaimers_applied_by_idx" ON "_articles_v_version_applied_disclaimers" USING btree ("applied_by_id");
  CREATE INDEX "_articles_v_version_corrections_order_idx" ON "_articles_v_version_corrections" USING btree ("_order");
  CREATE INDEX "_articles_v_version_corrections_parent_id_idx" ON "_articles_v_version_corrections" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_version_corrections_by_idx" ON "_articles_v_version_corrections" USING btree ("by_id");
  CREATE INDEX "_articles_v_parent_idx" ON "_articles_v" USING btree ("parent_id");
  CREATE INDEX "_articles_v_version_version_origin_idx" ON "_articles_v" USING btree ("version_origin");
  CREATE INDEX "_articles_v_version_attribution_version_attribution_sour_idx" ON "_articles_v" USING btree ("version_attribution_source_id");
  CREATE INDEX "_articles_v_version_attribution_version_attribution_so_1_idx" ON "_articles_v" USING btree ("version_attribution_source_item_id");
  CREATE INDEX "_articles_v_version_ai_disclosure_version_ai_disclosure__idx" ON "_articles_v" USING btree ("version_ai_disclosure_reviewed_by_id");
  CREATE INDEX "_articles_v_version_ai_disclosure_version_ai_disclosur_1_idx" ON "_articles_v" USING btree ("version_ai_disclosure_responsible_editor_id");
  CREATE INDEX "_articles_v_version_version_workflow_state_idx" ON "_articles_v" USING btree ("version_workflow_state");
  CREATE INDEX "_articles_v_version_version_compliance_problems_idx" ON "_articles_v" USING btree ("version_compliance_problems");
  CREATE INDEX "_articles_v_version_version_created_by_idx" ON "_articles_v" USING btree ("version_created_by_id");
  CREATE INDEX "_articles_v_version_version_language_idx" ON "_articles_v" USING btree ("version_language");
  CREATE INDEX "_articles_v_version_version_slug_idx" ON "_articles_v" USING btree ("version_slug");
  CREATE INDEX "_articles_v_version_version_section_idx" ON "_articles_v" USING btree ("version_section_id");
  CREATE INDEX "_articles_v_version_version_published_at_idx" ON "_articles_v" USING btree ("version_published_at");
  CREATE INDEX "_articles_v_version_version_translation_of_idx" ON "_articles_v" USING btree ("version_translation_of_id");
  CREATE INDEX "_articles_v_version_version_updated_at_idx" ON "_articles_v" USING btree ("version_updated_at");
  CREATE INDEX "_articles_v_version_version_created_at_idx" ON "_articles_v" USING btree ("version_created_at");
  CREATE INDEX "_articles_v_version_version__status_idx" ON "_articles_v" USING btree ("version__status");
  CREATE INDEX "_articles_v_created_at_idx" ON "_articles_v" USING btree ("created_at");
  CREATE INDEX "_articles_v_updated_at_idx" ON "_articles_v" USING btree ("updated_at");
  CREATE INDEX "_articles_v_snapshot_idx" ON "_articles_v" USING btree ("snapshot");
  CREATE INDEX "_articles_v_published_locale_idx" ON "_articles_v" USING btree ("published_locale");
  CREATE INDEX "_articles_v_latest_idx" ON "_articles_v" USING btree ("latest");
  CREATE INDEX "_articles_v_autosave_idx" ON "_articles_v" USING btree ("autosave");
  CREATE INDEX "version_language_version_slug_idx" ON "_articles_v" USING btree ("version_language","version_slug");
  CREATE INDEX "compound_index_idx" ON "_articles_v" USING btree ("version_language","version_section_id","version__status","version_pinned","version_published_at","version_created_at");
  CREATE INDEX "version_attribution_source_version_attribution_sourceIte_idx" ON "_articles_v" USING btree ("version_attribution_source_id","version_attribution_source_item_id");
  CREATE INDEX "version_translationOf_version__status_idx" ON "_articles_v" USING btree ("version_translation_of_id","version__status");
  CREATE INDEX "_articles_v_texts_order_parent" ON "_articles_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "_articles_v_rels_order_idx" ON "_articles_v_rels" USING btree ("order");
  CREATE INDEX "_articles_v_rels_parent_idx" ON "_articles_v_rels" USING btree ("parent_id");
  CREATE INDEX "_articles_v_rels_path_idx" ON "_articles_v_rels" USING btree ("path");
  CREATE INDEX "_articles_v_rels_users_id_idx" ON "_articles_v_rels" USING btree ("users_id");
  CREATE INDEX "_articles_v_rels_disclaimers_id_idx" ON "_articles_v_rels" USING btree ("disclaimers_id");
  CREATE INDEX "sections_required_disclaimer_kinds_order_idx" ON "sections_required_disclaimer_kinds" USING btree ("order");
  CREATE INDEX "sections_required_disclaimer_kinds_parent_idx" ON "sections_required_disclaimer_kinds" USING btree ("parent_id");
  CREATE UNIQUE INDEX "sections_slug_idx" ON "sections" USING btree ("slug");
  CREATE INDEX "sections_parent_idx" ON "sections" USING btree ("parent_id");
  CREATE INDEX "sections_updated_at_idx" ON "sections" USING btree ("updated_at");
  CREATE INDEX "sections_created_at_idx" ON "sections" USING btree ("created_at");
  CREATE UNIQUE INDEX "sections_locales_locale_parent_id_unique" ON "sections_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "sections_rels_order_idx" ON "sections_rels" USING btree ("order");
  CREATE INDEX "sections_rels_parent_idx" ON "sections_rels" USING btree ("parent_id");
  CREATE INDEX "sections_rels_path_idx" ON "sections_rels" USING btree ("path");
  CREATE INDEX "sections_rels_disclaimers_id_idx" ON "sections_rels" USING btree ("disclaimers_id");
  CREATE UNIQUE INDEX "disclaimers_key_idx" ON "disclaimers" USING btree ("key");
  CREATE INDEX "disclaimers_kind_idx" ON "disclaimers" USING btree ("kind");
  CREATE INDEX "disclaimers_status_idx" ON "disclaimers" USING btree ("status");
  CREATE INDEX "disclaimers_approved_by_idx" ON "disclaimers" USING btree ("approved_by_id");
  CREATE INDEX "disclaimers_updated_at_idx" ON "disclaimers" USING btree ("updated_at");
  CREATE INDEX "disclaimers_created_at_idx" ON "disclaimers" USING btree ("created_at");
  CREATE UNIQUE INDEX "disclaimers_locales_locale_parent_id_unique" ON "disclaimers_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "sources_slug_idx" ON "sources" USING btree ("slug");
  CREATE INDEX "sources_status_idx" ON "sources" USING btree ("status");
  CREATE INDEX "sources_updated_at_idx" ON "sources" USING btree ("updated_at");
  CREATE INDEX "sources_created_at_idx" ON "sources" USING btree ("created_at");
  CREATE UNIQUE INDEX "sources_locales_locale_parent_id_unique" ON "sources_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "sources_rels_order_idx" ON "sources_rels" USING btree ("order");
  CREATE INDEX "sources_rels_parent_idx" ON "sources_rels" USING btree ("parent_id");
  CREATE INDEX "sources_rels_path_idx" ON "sources_rels" USING btree ("path");
  CREATE INDEX "sources_rels_disclaimers_id_idx" ON "sources_rels" USING btree ("disclaimers_id");
  CREATE INDEX "workflow_events_article_idx" ON "workflow_events" USING btree ("article_id");
  CREATE INDEX "workflow_events_article_ref_idx" ON "workflow_events" USING btree ("article_ref");
  CREATE INDEX "workflow_events_by_idx" ON "workflow_events" USING btree ("by_id");
  CREATE INDEX "workflow_events_updated_at_idx" ON "workflow_events" USING btree ("updated_at");
  CREATE INDEX "workflow_events_created_at_idx" ON "workflow_events" USING btree ("created_at");
  CREATE UNIQUE INDEX "newsroom_write_locks_key_idx" ON "newsroom_write_locks" USING btree ("key");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_articles_id_idx" ON "payload_locked_documents_rels" USING btree ("articles_id");
  CREATE INDEX "payload_locked_documents_rels_sections_id_idx" ON "payload_locked_documents_rels" USING btree ("sections_id");
  CREATE INDEX "payload_locked_documents_rels_disclaimers_id_idx" ON "payload_locked_documents_rels" USING btree ("disclaimers_id");
  CREATE INDEX "payload_locked_documents_rels_sources_id_idx" ON "payload_locked_documents_rels" USING btree ("sources_id");
  CREATE INDEX "payload_locked_documents_rels_workflow_events_id_idx" ON "payload_locked_documents_rels" USING btree ("workflow_events_id");
  CREATE INDEX "payload_locked_documents_rels_newsroom_write_locks_id_idx" ON "payload_locked_documents_rels" USING btree ("newsroom_write_locks_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");
  CREATE INDEX "payload_query_presets_updated_at_idx" ON "payload_query_presets" USING btree ("updated_at");
  CREATE INDEX "payload_query_presets_created_at_idx" ON "payload_query_presets" USING btree ("created_at");
  CREATE INDEX "payload_query_presets_rels_order_idx" ON "payload_query_presets_rels" USING btree ("order");
  CREATE INDEX "payload_query_presets_rels_parent_idx" ON "payload_query_presets_rels" USING btree ("parent_id");
  CREATE INDEX "payload_query_presets_rels_path_idx" ON "payload_query_presets_rels" USING btree ("path");
  CREATE INDEX "payload_query_presets_rels_users_id_idx" ON "payload_query_presets_rels" USING btree ("users_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "articles_applied_disclaimers" CASCADE;
  DROP TABLE "articles_corrections" CASCADE;
  DROP TABLE "articles" CASCADE;
  DROP TABLE "articles_texts" CASCADE;
  DROP TABLE "articles_rels" CASCADE;
  DROP TABLE "_articles_v_version_applied_disclaimers" CASCADE;
  DROP TABLE "_articles_v_version_corrections" CASCADE;
  DROP TABLE "_articles_v" CASCADE;
  DROP TABLE "_articles_v_texts" CASCADE;
  DROP TABLE "_articles_v_rels" CASCADE;
  DROP TABLE "sections_required_disclaimer_kinds" CASCADE;
  DROP TABLE "sections" CASCADE;
  DROP TABLE "sections_locales" CASCADE;
  DROP TABLE "sections_rels" CASCADE;
  DROP TABLE "disclaimers" CASCADE;
  DROP TABLE "disclaimers_locales" CASCADE;
  DROP TABLE "sources" CASCADE;
  DROP TABLE "sources_locales" CASCADE;
  DROP TABLE "sources_rels" CASCADE;
  DROP TABLE "workflow_events" CASCADE;
  DROP TABLE "newsroom_write_locks" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "payload_query_presets" CASCADE;
  DROP TABLE "payload_query_presets_rels" CASCADE;
  DROP TYPE "public"."_locales";
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_articles_corrections_type";
  DROP TYPE "public"."enum_articles_origin";
  DROP TYPE "public"."enum_articles_attribution_transformation";
  DROP TYPE "public"."enum_articles_attribution_canonical";
  DROP TYPE "public"."enum_articles_summary_status";
  DROP TYPE "public"."enum_articles_ai_disclosure_level";
  DROP TYPE "public"."enum_articles_workflow_state";
  DROP TYPE "public"."enum_articles_language";
  DROP TYPE "public"."enum_articles_status";
  DROP TYPE "public"."enum__articles_v_version_corrections_type";
  DROP TYPE "public"."enum__articles_v_version_origin";
  DROP TYPE "public"."enum__articles_v_version_attribution_transformation";
  DROP TYPE "public"."enum__articles_v_version_attribution_canonical";
  DROP TYPE "public"."enum__articles_v_version_summary_status";
  DROP TYPE "public"."enum__articles_v_version_ai_disclosure_level";
  DROP TYPE "public"."enum__articles_v_version_workflow_state";
  DROP TYPE "public"."enum__articles_v_version_language";
  DROP TYPE "public"."enum__articles_v_version_status";
  DROP TYPE "public"."enum__articles_v_published_locale";
  DROP TYPE "public"."enum_sections_required_disclaimer_kinds";
  DROP TYPE "public"."enum_disclaimers_kind";
  DROP TYPE "public"."enum_disclaimers_status";
  DROP TYPE "public"."enum_sources_category";
  DROP TYPE "public"."enum_sources_status";
  DROP TYPE "public"."enum_sources_canonical_policy";
  DROP TYPE "public"."enum_workflow_events_action";
  DROP TYPE "public"."enum_workflow_events_from";
  DROP TYPE "public"."enum_workflow_events_to";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  DROP TYPE "public"."enum_payload_query_presets_access_read_constraint";
  DROP TYPE "public"."enum_payload_query_presets_access_update_constraint";
  DROP TYPE "public"."enum_payload_query_presets_access_delete_constraint";
  DROP TYPE "public"."enum_payload_query_presets_related_collection";`)
}
