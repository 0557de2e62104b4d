import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_sources_licence_transformations" AS ENUM('verbatim', 'excerpt', 'translated', 'summarised', 'rewritten');
  CREATE TYPE "public"."enum_sources_licence_translation_languages" AS ENUM('fr', 'en');
  CREATE TYPE "public"."enum_sources_licence_ai_summaries" AS ENUM('allowed', 'forbidden');
  CREATE TYPE "public"."enum_sources_licence_on_expiry" AS ENUM('unpublish', 'retract');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'newsroomExpireRights' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'newsroomExpireRights' BEFORE 'schedulePublish';
  CREATE TABLE "sources_licence_transformations" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_sources_licence_transformations",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "sources_licence_translation_languages" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_sources_licence_translation_languages",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  ALTER TABLE "articles" ADD COLUMN "attribution_rights_expire_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "embargo_until" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_attribution_rights_expire_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_embargo_until" timestamp(3) with time zone;
  ALTER TABLE "sources" ADD COLUMN "licence_ai_summaries" "enum_sources_licence_ai_summaries" DEFAULT 'allowed';
  ALTER TABLE "sources" ADD COLUMN "licence_duration_days" numeric;
  ALTER TABLE "sources" ADD COLUMN "licence_on_expiry" "enum_sources_licence_on_expiry" DEFAULT 'unpublish';
  ALTER TABLE "sources_licence_transformations" ADD CONSTRAINT "sources_licence_transformations_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sources_licence_translation_languages" ADD CONSTRAINT "sources_licence_translation_languages_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "sources_licence_transformations_order_idx" ON "sources_licence_transformations" USING btree ("order");
  CREATE INDEX "sources_licence_transformations_parent_idx" ON "sources_licence_transformations" USING btree ("parent_id");
  CREATE INDEX "sources_licence_translation_languages_order_idx" ON "sources_licence_translation_languages" USING btree ("order");
  CREATE INDEX "sources_licence_translation_languages_parent_idx" ON "sources_licence_translation_languages" USING btree ("parent_id");
  CREATE INDEX "articles_attribution_attribution_rights_expire_at_idx" ON "articles" USING btree ("attribution_rights_expire_at");
  CREATE INDEX "_articles_v_version_attribution_version_attribution_righ_idx" ON "_articles_v" USING btree ("version_attribution_rights_expire_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "sources_licence_transformations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sources_licence_translation_languages" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "sources_licence_transformations" CASCADE;
  DROP TABLE "sources_licence_translation_languages" CASCADE;
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'newsroomPublishScheduled', 'newsroomDeliverWebhook', 'newsroomPollFeed', 'newsroomPollDueFeeds', 'newsroomGenerateSummary', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'newsroomPublishScheduled', 'newsroomDeliverWebhook', 'newsroomPollFeed', 'newsroomPollDueFeeds', 'newsroomGenerateSummary', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "articles_attribution_attribution_rights_expire_at_idx";
  DROP INDEX "_articles_v_version_attribution_version_attribution_righ_idx";
  ALTER TABLE "articles" DROP COLUMN "attribution_rights_expire_at";
  ALTER TABLE "articles" DROP COLUMN "embargo_until";
  ALTER TABLE "_articles_v" DROP COLUMN "version_attribution_rights_expire_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_embargo_until";
  ALTER TABLE "sources" DROP COLUMN "licence_ai_summaries";
  ALTER TABLE "sources" DROP COLUMN "licence_duration_days";
  ALTER TABLE "sources" DROP COLUMN "licence_on_expiry";
  DROP TYPE "public"."enum_sources_licence_transformations";
  DROP TYPE "public"."enum_sources_licence_translation_languages";
  DROP TYPE "public"."enum_sources_licence_ai_summaries";
  DROP TYPE "public"."enum_sources_licence_on_expiry";`)
}
