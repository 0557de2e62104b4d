import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_sources_ingest_expires_policy" AS ENUM('ignore', 'rights-expiry');
  CREATE TABLE "newsroom_ingest_runs_reasons" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"reason" varchar,
  	"count" numeric
  );
  
  CREATE TABLE "newsroom_ingest_runs_item_warnings" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"item_id" varchar,
  	"kind" varchar,
  	"path" varchar,
  	"detail" varchar
  );
  
  ALTER TABLE "sources" ADD COLUMN "ingest_expires_policy" "enum_sources_ingest_expires_policy" DEFAULT 'ignore';
  ALTER TABLE "newsroom_ingest_runs" ADD COLUMN "item_errors_not_shown" numeric DEFAULT 0;
  ALTER TABLE "newsroom_ingest_runs" ADD COLUMN "warning_counts_date_left_out" numeric DEFAULT 0;
  ALTER TABLE "newsroom_ingest_runs" ADD COLUMN "warning_counts_standfirst_cut" numeric DEFAULT 0;
  ALTER TABLE "newsroom_ingest_runs" ADD COLUMN "warning_counts_quote_flattened" numeric DEFAULT 0;
  ALTER TABLE "newsroom_ingest_runs" ADD COLUMN "warning_counts_list_flattened" numeric DEFAULT 0;
  ALTER TABLE "newsroom_ingest_runs" ADD COLUMN "warning_counts_table_flattened" numeric DEFAULT 0;
  ALTER TABLE "newsroom_ingest_runs" ADD COLUMN "warning_counts_link_made_absolute" numeric DEFAULT 0;
  ALTER TABLE "newsroom_ingest_runs" ADD COLUMN "warning_counts_link_dropped" numeric DEFAULT 0;
  ALTER TABLE "newsroom_ingest_runs" ADD COLUMN "item_warnings_not_shown" numeric DEFAULT 0;
  ALTER TABLE "newsroom_ingest_runs_reasons" ADD CONSTRAINT "newsroom_ingest_runs_reasons_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."newsroom_ingest_runs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "newsroom_ingest_runs_item_warnings" ADD CONSTRAINT "newsroom_ingest_runs_item_warnings_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."newsroom_ingest_runs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "newsroom_ingest_runs_reasons_order_idx" ON "newsroom_ingest_runs_reasons" USING btree ("_order");
  CREATE INDEX "newsroom_ingest_runs_reasons_parent_id_idx" ON "newsroom_ingest_runs_reasons" USING btree ("_parent_id");
  CREATE INDEX "newsroom_ingest_runs_item_warnings_order_idx" ON "newsroom_ingest_runs_item_warnings" USING btree ("_order");
  CREATE INDEX "newsroom_ingest_runs_item_warnings_parent_id_idx" ON "newsroom_ingest_runs_item_warnings" USING btree ("_parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "newsroom_ingest_runs_reasons" CASCADE;
  DROP TABLE "newsroom_ingest_runs_item_warnings" CASCADE;
  ALTER TABLE "sources" DROP COLUMN "ingest_expires_policy";
  ALTER TABLE "newsroom_ingest_runs" DROP COLUMN "item_errors_not_shown";
  ALTER TABLE "newsroom_ingest_runs" DROP COLUMN "warning_counts_date_left_out";
  ALTER TABLE "newsroom_ingest_runs" DROP COLUMN "warning_counts_standfirst_cut";
  ALTER TABLE "newsroom_ingest_runs" DROP COLUMN "warning_counts_quote_flattened";
  ALTER TABLE "newsroom_ingest_runs" DROP COLUMN "warning_counts_list_flattened";
  ALTER TABLE "newsroom_ingest_runs" DROP COLUMN "warning_counts_table_flattened";
  ALTER TABLE "newsroom_ingest_runs" DROP COLUMN "warning_counts_link_made_absolute";
  ALTER TABLE "newsroom_ingest_runs" DROP COLUMN "warning_counts_link_dropped";
  ALTER TABLE "newsroom_ingest_runs" DROP COLUMN "item_warnings_not_shown";
  DROP TYPE "public"."enum_sources_ingest_expires_policy";`)
}
