import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_newsroom_partner_receipts_items_notice" AS ENUM('item', 'kill');
  CREATE TYPE "public"."enum_newsroom_partner_deliveries_notice" AS ENUM('item', 'kill');
  CREATE TYPE "public"."enum_newsroom_partner_deliveries_channel" AS ENUM('pull', 'push');
  CREATE TYPE "public"."enum_newsroom_partner_deliveries_status" AS ENUM('pending', 'retrying', 'delivered', 'failed');
  ALTER TYPE "public"."enum_newsroom_partner_receipts_channel" ADD VALUE 'push';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'newsroomDeliverPartnerNotice' BEFORE 'newsroomPollFeed';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'newsroomDeliverPartnerNotice' BEFORE 'newsroomPollFeed';
  CREATE TABLE "newsroom_partner_deliveries" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"partner_id" uuid,
  	"article_ref" varchar,
  	"article_title" varchar,
  	"notice" "enum_newsroom_partner_deliveries_notice" NOT NULL,
  	"channel" "enum_newsroom_partner_deliveries_channel" NOT NULL,
  	"reason" varchar,
  	"status" "enum_newsroom_partner_deliveries_status" DEFAULT 'pending' NOT NULL,
  	"attempts" numeric DEFAULT 0,
  	"last_status_code" numeric,
  	"last_error" varchar,
  	"last_attempt_at" timestamp(3) with time zone,
  	"delivered_at" timestamp(3) with time zone,
  	"body" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "partners" ADD COLUMN "push_url" varchar;
  ALTER TABLE "partners" ADD COLUMN "push_secret" varchar NOT NULL;
  ALTER TABLE "newsroom_partner_receipts_items" ADD COLUMN "notice" "enum_newsroom_partner_receipts_items_notice" DEFAULT 'item' NOT NULL;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "newsroom_partner_deliveries_id" uuid;
  ALTER TABLE "newsroom_partner_deliveries" ADD CONSTRAINT "newsroom_partner_deliveries_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "newsroom_partner_deliveries_partner_idx" ON "newsroom_partner_deliveries" USING btree ("partner_id");
  CREATE INDEX "newsroom_partner_deliveries_article_ref_idx" ON "newsroom_partner_deliveries" USING btree ("article_ref");
  CREATE INDEX "newsroom_partner_deliveries_notice_idx" ON "newsroom_partner_deliveries" USING btree ("notice");
  CREATE INDEX "newsroom_partner_deliveries_status_idx" ON "newsroom_partner_deliveries" USING btree ("status");
  CREATE INDEX "newsroom_partner_deliveries_updated_at_idx" ON "newsroom_partner_deliveries" USING btree ("updated_at");
  CREATE INDEX "newsroom_partner_deliveries_created_at_idx" ON "newsroom_partner_deliveries" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_newsroom_partner_deliveries_fk" FOREIGN KEY ("newsroom_partner_deliveries_id") REFERENCES "public"."newsroom_partner_deliveries"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_newsroom_partner_deliverie_idx" ON "payload_locked_documents_rels" USING btree ("newsroom_partner_deliveries_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "newsroom_partner_deliveries" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "newsroom_partner_deliveries" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_newsroom_partner_deliveries_fk";
  
  ALTER TABLE "newsroom_partner_receipts" ALTER COLUMN "channel" SET DATA TYPE text;
  DROP TYPE "public"."enum_newsroom_partner_receipts_channel";
  CREATE TYPE "public"."enum_newsroom_partner_receipts_channel" AS ENUM('pull');
  ALTER TABLE "newsroom_partner_receipts" ALTER COLUMN "channel" SET DATA TYPE "public"."enum_newsroom_partner_receipts_channel" USING "channel"::"public"."enum_newsroom_partner_receipts_channel";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'newsroomPublishScheduled', 'newsroomDeliverWebhook', 'newsroomPollFeed', 'newsroomPollDueFeeds', 'newsroomGenerateSummary', 'newsroomExpireRights', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'newsroomPublishScheduled', 'newsroomDeliverWebhook', 'newsroomPollFeed', 'newsroomPollDueFeeds', 'newsroomGenerateSummary', 'newsroomExpireRights', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_newsroom_partner_deliverie_idx";
  ALTER TABLE "partners" DROP COLUMN "push_url";
  ALTER TABLE "partners" DROP COLUMN "push_secret";
  ALTER TABLE "newsroom_partner_receipts_items" DROP COLUMN "notice";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "newsroom_partner_deliveries_id";
  DROP TYPE "public"."enum_newsroom_partner_receipts_items_notice";
  DROP TYPE "public"."enum_newsroom_partner_deliveries_notice";
  DROP TYPE "public"."enum_newsroom_partner_deliveries_channel";
  DROP TYPE "public"."enum_newsroom_partner_deliveries_status";`)
}
