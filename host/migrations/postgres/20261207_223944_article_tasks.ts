import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "newsroom_tasks" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"text" varchar NOT NULL,
  	"article_id" uuid NOT NULL,
  	"assignee_id" uuid,
  	"done" boolean DEFAULT false,
  	"done_at" timestamp(3) with time zone,
  	"done_by_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "newsroom_tasks_id" uuid;
  ALTER TABLE "newsroom_tasks" ADD CONSTRAINT "newsroom_tasks_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "newsroom_tasks" ADD CONSTRAINT "newsroom_tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "newsroom_tasks" ADD CONSTRAINT "newsroom_tasks_done_by_id_users_id_fk" FOREIGN KEY ("done_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "newsroom_tasks_article_idx" ON "newsroom_tasks" USING btree ("article_id");
  CREATE INDEX "newsroom_tasks_assignee_idx" ON "newsroom_tasks" USING btree ("assignee_id");
  CREATE INDEX "newsroom_tasks_done_idx" ON "newsroom_tasks" USING btree ("done");
  CREATE INDEX "newsroom_tasks_done_by_idx" ON "newsroom_tasks" USING btree ("done_by_id");
  CREATE INDEX "newsroom_tasks_updated_at_idx" ON "newsroom_tasks" USING btree ("updated_at");
  CREATE INDEX "newsroom_tasks_created_at_idx" ON "newsroom_tasks" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_newsroom_tasks_fk" FOREIGN KEY ("newsroom_tasks_id") REFERENCES "public"."newsroom_tasks"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_newsroom_tasks_id_idx" ON "payload_locked_documents_rels" USING btree ("newsroom_tasks_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "newsroom_tasks" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "newsroom_tasks" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_newsroom_tasks_fk";
  
  DROP INDEX "payload_locked_documents_rels_newsroom_tasks_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "newsroom_tasks_id";`)
}
