import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_notification_settings_muted_in_admin" AS ENUM('submitted', 'changes_requested', 'approved', 'assigned', 'ingest_withdrawn', 'summary_failed', 'rights_ending', 'partner_kill_undelivered');
  CREATE TYPE "public"."enum_users_notification_settings_muted_email" AS ENUM('submitted', 'changes_requested', 'approved', 'assigned', 'ingest_withdrawn', 'summary_failed', 'rights_ending', 'partner_kill_undelivered');
  CREATE TYPE "public"."enum_users_notification_settings_language" AS ENUM('fr', 'en');
  CREATE TYPE "public"."enum_newsroom_notifications_kind" AS ENUM('submitted', 'changes_requested', 'approved', 'assigned', 'ingest_withdrawn', 'summary_failed', 'rights_ending', 'partner_kill_undelivered');
  CREATE TYPE "public"."enum_newsroom_notifications_email" AS ENUM('none', 'pending', 'digest', 'sent', 'failed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'newsroomSendNotificationEmails' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'newsroomSendNotificationDigests' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'newsroomWarnOfEndingRights' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'newsroomSendNotificationEmails' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'newsroomSendNotificationDigests' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'newsroomWarnOfEndingRights' BEFORE 'schedulePublish';
  CREATE TABLE "users_notification_settings_muted_in_admin" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_users_notification_settings_muted_in_admin",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "users_notification_settings_muted_email" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_users_notification_settings_muted_email",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "newsroom_notifications" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"recipient_id" uuid NOT NULL,
  	"kind" "enum_newsroom_notifications_kind" NOT NULL,
  	"article_id" uuid,
  	"article_title" varchar,
  	"actor_name" varchar,
  	"note" varchar,
  	"in_admin" boolean DEFAULT true,
  	"read_at" timestamp(3) with time zone,
  	"email" "enum_newsroom_notifications_email" DEFAULT 'none',
  	"emailed_at" timestamp(3) with time zone,
  	"email_error" varchar,
  	"dedupe_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users" ADD COLUMN "notification_settings_language" "enum_users_notification_settings_language";
  ALTER TABLE "users" ADD COLUMN "notification_settings_email_digest" boolean DEFAULT false;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "newsroom_notifications_id" uuid;
  ALTER TABLE "users_notification_settings_muted_in_admin" ADD CONSTRAINT "users_notification_settings_muted_in_admin_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_notification_settings_muted_email" ADD CONSTRAINT "users_notification_settings_muted_email_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "newsroom_notifications" ADD CONSTRAINT "newsroom_notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "newsroom_notifications" ADD CONSTRAINT "newsroom_notifications_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "users_notification_settings_muted_in_admin_order_idx" ON "users_notification_settings_muted_in_admin" USING btree ("order");
  CREATE INDEX "users_notification_settings_muted_in_admin_parent_idx" ON "users_notification_settings_muted_in_admin" USING btree ("parent_id");
  CREATE INDEX "users_notification_settings_muted_email_order_idx" ON "users_notification_settings_muted_email" USING btree ("order");
  CREATE INDEX "users_notification_settings_muted_email_parent_idx" ON "users_notification_settings_muted_email" USING btree ("parent_id");
  CREATE INDEX "newsroom_notifications_recipient_idx" ON "newsroom_notifications" USING btree ("recipient_id");
  CREATE INDEX "newsroom_notifications_article_idx" ON "newsroom_notifications" USING btree ("article_id");
  CREATE INDEX "newsroom_notifications_in_admin_idx" ON "newsroom_notifications" USING btree ("in_admin");
  CREATE INDEX "newsroom_notifications_read_at_idx" ON "newsroom_notifications" USING btree ("read_at");
  CREATE INDEX "newsroom_notifications_email_idx" ON "newsroom_notifications" USING btree ("email");
  CREATE INDEX "newsroom_notifications_dedupe_key_idx" ON "newsroom_notifications" USING btree ("dedupe_key");
  CREATE INDEX "newsroom_notifications_updated_at_idx" ON "newsroom_notifications" USING btree ("updated_at");
  CREATE INDEX "newsroom_notifications_created_at_idx" ON "newsroom_notifications" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_newsroom_notifications_fk" FOREIGN KEY ("newsroom_notifications_id") REFERENCES "public"."newsroom_notifications"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_newsroom_notifications_id_idx" ON "payload_locked_documents_rels" USING btree ("newsroom_notifications_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users_notification_settings_muted_in_admin" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "users_notification_settings_muted_email" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "newsroom_notifications" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "users_notification_settings_muted_in_admin" CASCADE;
  DROP TABLE "users_notification_settings_muted_email" CASCADE;
  DROP TABLE "newsroom_notifications" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_newsroom_notifications_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'newsroomPublishScheduled', 'newsroomDeliverWebhook', 'newsroomFanOutPartnerNotices', 'newsroomDeliverPartnerNotice', 'newsroomPollFeed', 'newsroomPollDueFeeds', 'newsroomGenerateSummary', 'newsroomExpireRights', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'newsroomPublishScheduled', 'newsroomDeliverWebhook', 'newsroomFanOutPartnerNotices', 'newsroomDeliverPartnerNotice', 'newsroomPollFeed', 'newsroomPollDueFeeds', 'newsroomGenerateSummary', 'newsroomExpireRights', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_newsroom_notifications_id_idx";
  ALTER TABLE "users" DROP COLUMN "notification_settings_language";
  ALTER TABLE "users" DROP COLUMN "notification_settings_email_digest";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "newsroom_notifications_id";
  DROP TYPE "public"."enum_users_notification_settings_muted_in_admin";
  DROP TYPE "public"."enum_users_notification_settings_muted_email";
  DROP TYPE "public"."enum_users_notification_settings_language";
  DROP TYPE "public"."enum_newsroom_notifications_kind";
  DROP TYPE "public"."enum_newsroom_notifications_email";`)
}
