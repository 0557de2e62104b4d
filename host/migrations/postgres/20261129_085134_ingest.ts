import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_sources_ingest_publish_policy" AS ENUM('review', 'publish-if-compliant');
  CREATE TYPE "public"."enum_sources_ingest_update_policy" AS ENUM('review', 'republish');
  CREATE TYPE "public"."enum_sources_ingest_default_language" AS ENUM('fr', 'en');
  CREATE TYPE "public"."enum_sources_ingest_feed_format" AS ENUM('rss', 'atom', 'json-feed', 'ninjs');
  CREATE TYPE "public"."enum_newsroom_ingest_runs_trigger" AS ENUM('api', 'poll', 'seed');
  CREATE TYPE "public"."enum_newsroom_ingest_runs_status" AS ENUM('running', 'succeeded', 'partial', 'failed', 'not-modified');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'newsroomPollFeed' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'newsroomPollDueFeeds' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'newsroomPollFeed' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'newsroomPollDueFeeds' BEFORE 'schedulePublish';
  CREATE TABLE "sources_ingest_feed_categories" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"category" varchar NOT NULL,
  	"section_id" uuid NOT NULL
  );
  
  CREATE TABLE "newsroom_ingest_runs_item_errors" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"item_id" varchar,
  	"path" varchar,
  	"reason" varchar
  );
  
  CREATE TABLE "newsroom_ingest_runs" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"source_id" uuid,
  	"trigger" "enum_newsroom_ingest_runs_trigger",
  	"status" "enum_newsroom_ingest_runs_status",
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"by_id" uuid,
  	"counts_received" numeric DEFAULT 0,
  	"counts_created" numeric DEFAULT 0,
  	"counts_updated" numeric DEFAULT 0,
  	"counts_unchanged" numeric DEFAULT 0,
  	"counts_withdrawn" numeric DEFAULT 0,
  	"counts_held" numeric DEFAULT 0,
  	"counts_refused" numeric DEFAULT 0,
  	"counts_failed" numeric DEFAULT 0,
  	"first_error" varchar,
  	"feed_url" varchar,
  	"feed_http_status" numeric,
  	"feed_etag" varchar,
  	"feed_last_modified" varchar,
  	"feed_bytes" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "articles" ADD COLUMN "attribution_source_version" varchar;
  ALTER TABLE "articles" ADD COLUMN "attribution_ingest_fingerprint" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_attribution_source_version" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_attribution_ingest_fingerprint" varchar;
  ALTER TABLE "sources" ADD COLUMN "ingest_user_id" uuid;
  ALTER TABLE "sources" ADD COLUMN "ingest_publish_policy" "enum_sources_ingest_publish_policy" DEFAULT 'review';
  ALTER TABLE "sources" ADD COLUMN "ingest_update_policy" "enum_sources_ingest_update_policy" DEFAULT 'review';
  ALTER TABLE "sources" ADD COLUMN "ingest_default_section_id" uuid;
  ALTER TABLE "sources" ADD COLUMN "ingest_default_language" "enum_sources_ingest_default_language";
  ALTER TABLE "sources" ADD COLUMN "ingest_automated_byline" boolean DEFAULT false;
  ALTER TABLE "sources" ADD COLUMN "ingest_byline_system" varchar;
  ALTER TABLE "sources" ADD COLUMN "ingest_request_summary" boolean DEFAULT false;
  ALTER TABLE "sources" ADD COLUMN "ingest_feed_url" varchar;
  ALTER TABLE "sources" ADD COLUMN "ingest_feed_format" "enum_sources_ingest_feed_format";
  ALTER TABLE "sources" ADD COLUMN "ingest_feed_poll_minutes" numeric DEFAULT 15;
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "newsroom_ingest_runs_id" uuid;
  ALTER TABLE "sources_ingest_feed_categories" ADD CONSTRAINT "sources_ingest_feed_categories_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sources_ingest_feed_categories" ADD CONSTRAINT "sources_ingest_feed_categories_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "newsroom_ingest_runs_item_errors" ADD CONSTRAINT "newsroom_ingest_runs_item_errors_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."newsroom_ingest_runs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "newsroom_ingest_runs" ADD CONSTRAINT "newsroom_ingest_runs_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "newsroom_ingest_runs" ADD CONSTRAINT "newsroom_ingest_runs_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "sources_ingest_feed_categories_order_idx" ON "sources_ingest_feed_categories" USING btree ("_order");
  CREATE INDEX "sources_ingest_feed_categories_parent_id_idx" ON "sources_ingest_feed_categories" USING btree ("_parent_id");
  CREATE INDEX "sources_ingest_feed_categories_section_idx" ON "sources_ingest_feed_categories" USING btree ("section_id");
  CREATE INDEX "newsroom_ingest_runs_item_errors_order_idx" ON "newsroom_ingest_runs_item_errors" USING btree ("_order");
  CREATE INDEX "newsroom_ingest_runs_item_errors_parent_id_idx" ON "newsroom_ingest_runs_item_errors" USING btree ("_parent_id");
  CREATE INDEX "newsroom_ingest_runs_source_idx" ON "newsroom_ingest_runs" USING btree ("source_id");
  CREATE INDEX "newsroom_ingest_runs_status_idx" ON "newsroom_ingest_runs" USING btree ("status");
  CREATE INDEX "newsroom_ingest_runs_started_at_idx" ON "newsroom_ingest_runs" USING btree ("started_at");
  CREATE INDEX "newsroom_ingest_runs_by_idx" ON "newsroom_ingest_runs" USING btree ("by_id");
  CREATE INDEX "newsroom_ingest_runs_updated_at_idx" ON "newsroom_ingest_runs" USING btree ("updated_at");
  CREATE INDEX "newsroom_ingest_runs_created_at_idx" ON "newsroom_ingest_runs" USING btree ("created_at");
  ALTER TABLE "sources" ADD CONSTRAINT "sources_ingest_user_id_users_id_fk" FOREIGN KEY ("ingest_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sources" ADD CONSTRAINT "sources_ingest_default_section_id_sections_id_fk" FOREIGN KEY ("ingest_default_section_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_newsroom_ingest_runs_fk" FOREIGN KEY ("newsroom_ingest_runs_id") REFERENCES "public"."newsroom_ingest_runs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "sources_ingest_ingest_user_idx" ON "sources" USING btree ("ingest_user_id");
  CREATE INDEX "sources_ingest_ingest_default_section_idx" ON "sources" USING btree ("ingest_default_section_id");
  CREATE INDEX "payload_locked_documents_rels_newsroom_ingest_runs_id_idx" ON "payload_locked_documents_rels" USING btree ("newsroom_ingest_runs_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "sources_ingest_feed_categories" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "newsroom_ingest_runs_item_errors" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "newsroom_ingest_runs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "sources_ingest_feed_categories" CASCADE;
  DROP TABLE "newsroom_ingest_runs_item_errors" CASCADE;
  DROP TABLE "newsroom_ingest_runs" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "sources" DROP CONSTRAINT "sources_ingest_user_id_users_id_fk";
  
  ALTER TABLE "sources" DROP CONSTRAINT "sources_ingest_default_section_id_sections_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_newsroom_ingest_runs_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'newsroomPublishScheduled', 'newsroomDeliverWebhook', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'newsroomPublishScheduled', 'newsroomDeliverWebhook', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "sources_ingest_ingest_user_idx";
  DROP INDEX "sources_ingest_ingest_default_section_idx";
  DROP INDEX "payload_locked_documents_rels_newsroom_ingest_runs_id_idx";
  ALTER TABLE "articles" DROP COLUMN "attribution_source_version";
  ALTER TABLE "articles" DROP COLUMN "attribution_ingest_fingerprint";
  ALTER TABLE "_articles_v" DROP COLUMN "version_attribution_source_version";
  ALTER TABLE "_articles_v" DROP COLUMN "version_attribution_ingest_fingerprint";
  ALTER TABLE "sources" DROP COLUMN "ingest_user_id";
  ALTER TABLE "sources" DROP COLUMN "ingest_publish_policy";
  ALTER TABLE "sources" DROP COLUMN "ingest_update_policy";
  ALTER TABLE "sources" DROP COLUMN "ingest_default_section_id";
  ALTER TABLE "sources" DROP COLUMN "ingest_default_language";
  ALTER TABLE "sources" DROP COLUMN "ingest_automated_byline";
  ALTER TABLE "sources" DROP COLUMN "ingest_byline_system";
  ALTER TABLE "sources" DROP COLUMN "ingest_request_summary";
  ALTER TABLE "sources" DROP COLUMN "ingest_feed_url";
  ALTER TABLE "sources" DROP COLUMN "ingest_feed_format";
  ALTER TABLE "sources" DROP COLUMN "ingest_feed_poll_minutes";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "newsroom_ingest_runs_id";
  DROP TYPE "public"."enum_sources_ingest_publish_policy";
  DROP TYPE "public"."enum_sources_ingest_update_policy";
  DROP TYPE "public"."enum_sources_ingest_default_language";
  DROP TYPE "public"."enum_sources_ingest_feed_format";
  DROP TYPE "public"."enum_newsroom_ingest_runs_trigger";
  DROP TYPE "public"."enum_newsroom_ingest_runs_status";`)
}
