import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "newsroom_provenance" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"article_ref" varchar NOT NULL,
  	"sequence" numeric NOT NULL,
  	"event" varchar NOT NULL,
  	"issued_at" timestamp(3) with time zone NOT NULL,
  	"key_id" varchar,
  	"link" varchar NOT NULL,
  	"manifest" jsonb,
  	"jws" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "newsroom_provenance_id" uuid;
  CREATE INDEX "newsroom_provenance_issued_at_idx" ON "newsroom_provenance" USING btree ("issued_at");
  CREATE INDEX "newsroom_provenance_updated_at_idx" ON "newsroom_provenance" USING btree ("updated_at");
  CREATE INDEX "newsroom_provenance_created_at_idx" ON "newsroom_provenance" USING btree ("created_at");
  CREATE UNIQUE INDEX "articleRef_sequence_idx" ON "newsroom_provenance" USING btree ("article_ref","sequence");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_newsroom_provenance_fk" FOREIGN KEY ("newsroom_provenance_id") REFERENCES "public"."newsroom_provenance"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_newsroom_provenance_id_idx" ON "payload_locked_documents_rels" USING btree ("newsroom_provenance_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "newsroom_provenance" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "newsroom_provenance" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_newsroom_provenance_fk";
  
  DROP INDEX "payload_locked_documents_rels_newsroom_provenance_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "newsroom_provenance_id";`)
}
