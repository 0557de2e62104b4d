import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_newsroom_webhooks_events" AS ENUM('article.published', 'article.updated', 'article.corrected', 'article.retracted', 'article.unpublished', 'article.deleted');
  CREATE TYPE "public"."enum_newsroom_webhook_deliveries_event" AS ENUM('article.published', 'article.updated', 'article.corrected', 'article.retracted', 'article.unpublished', 'article.deleted');
  CREATE TYPE "public"."enum_newsroom_webhook_deliveries_status" AS ENUM('pending', 'retrying', 'delivered', 'failed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'newsroomDeliverWebhook' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'newsroomDeliverWebhook' BEFORE 'schedulePublish';
  CREATE TABLE "newsroom_webhooks_events" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_newsroom_webhooks_events",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "newsroom_webhooks" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"url" varchar NOT NULL,
  	"secret" varchar NOT NULL,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "newsroom_webhook_deliveries" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"webhook_id" uuid,
  	"event" "enum_newsroom_webhook_deliveries_event" NOT NULL,
  	"article_ref" varchar,
  	"article_title" varchar,
  	"status" "enum_newsroom_webhook_deliveries_status" DEFAULT 'pending' NOT NULL,
  	"attempts" numeric DEFAULT 0,
  	"last_status_code" numeric,
  	"last_error" varchar,
  	"last_attempt_at" timestamp(3) with time zone,
  	"delivered_at" timestamp(3) with time zone,
  	"body" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "newsroom_webhooks_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "newsroom_webhook_deliveries_id" uuid;
  ALTER TABLE "newsroom_webhooks_events" ADD CONSTRAINT "newsroom_webhooks_events_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."newsroom_webhooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "newsroom_webhook_deliveries" ADD CONSTRAINT "newsroom_webhook_deliveries_webhook_id_newsroom_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."newsroom_webhooks"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "newsroom_webhooks_events_order_idx" ON "newsroom_webhooks_events" USING btree ("order");
  CREATE INDEX "newsroom_webhooks_events_parent_idx" ON "newsroom_webhooks_events" USING btree ("parent_id");
  CREATE INDEX "newsroom_webhooks_active_idx" ON "newsroom_webhooks" USING btree ("active");
  CREATE INDEX "newsroom_webhooks_updated_at_idx" ON "newsroom_webhooks" USING btree ("updated_at");
  CREATE INDEX "newsroom_webhooks_created_at_idx" ON "newsroom_webhooks" USING btree ("created_at");
  CREATE INDEX "newsroom_webhook_deliveries_webhook_idx" ON "newsroom_webhook_deliveries" USING btree ("webhook_id");
  CREATE INDEX "newsroom_webhook_deliveries_article_ref_idx" ON "newsroom_webhook_deliveries" USING btree ("article_ref");
  CREATE INDEX "newsroom_webhook_deliveries_status_idx" ON "newsroom_webhook_deliveries" USING btree ("status");
  CREATE INDEX "newsroom_webhook_deliveries_updated_at_idx" ON "newsroom_webhook_deliveries" USING btree ("updated_at");
  CREATE INDEX "newsroom_webhook_deliveries_created_at_idx" ON "newsroom_webhook_deliveries" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_newsroom_webhooks_fk" FOREIGN KEY ("newsroom_webhooks_id") REFERENCES "public"."newsroom_webhooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_newsroom_webhook_deliveries_fk" FOREIGN KEY ("newsroom_webhook_deliveries_id") REFERENCES "public"."newsroom_webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_newsroom_webhooks_id_idx" ON "payload_locked_documents_rels" USING btree ("newsroom_webhooks_id");
  CREATE INDEX "payload_locked_documents_rels_newsroom_webhook_deliverie_idx" ON "payload_locked_documents_rels" USING btree ("newsroom_webhook_deliveries_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "newsroom_webhooks_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "newsroom_webhooks" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "newsroom_webhook_deliveries" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "newsroom_webhooks_events" CASCADE;
  DROP TABLE "newsroom_webhooks" CASCADE;
  DROP TABLE "newsroom_webhook_deliveries" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_newsroom_webhooks_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_newsroom_webhook_deliveries_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'newsroomPublishScheduled', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'newsroomPublishScheduled', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_newsroom_webhooks_id_idx";
  DROP INDEX "payload_locked_documents_rels_newsroom_webhook_deliverie_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "newsroom_webhooks_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "newsroom_webhook_deliveries_id";
  DROP TYPE "public"."enum_newsroom_webhooks_events";
  DROP TYPE "public"."enum_newsroom_webhook_deliveries_event";
  DROP TYPE "public"."enum_newsroom_webhook_deliveries_status";`)
}
