import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_sources_licence_redistribution" AS ENUM('forbidden', 'allowed');
  CREATE TYPE "public"."enum_partners_formats" AS ENUM('ninjs-3', 'ninjs-2');
  CREATE TYPE "public"."enum_partners_filters_languages" AS ENUM('fr', 'en');
  CREATE TYPE "public"."enum_partners_filters_origin" AS ENUM('own', 'own-and-redistributable');
  CREATE TYPE "public"."enum_newsroom_partner_receipts_channel" AS ENUM('pull');
  CREATE TYPE "public"."enum_newsroom_partner_receipts_format" AS ENUM('ninjs-3', 'ninjs-2');
  CREATE TABLE "partners_formats" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_partners_formats",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "partners_filters_languages" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_partners_filters_languages",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "partners_tokens" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"hash" varchar,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"revoked_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "partners" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"active" boolean DEFAULT true,
  	"filters_origin" "enum_partners_filters_origin" DEFAULT 'own' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "partners_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"sections_id" uuid
  );
  
  CREATE TABLE "newsroom_partner_receipts_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"article_ref" varchar NOT NULL,
  	"version" varchar NOT NULL,
  	"title" varchar
  );
  
  CREATE TABLE "newsroom_partner_receipts" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"partner_id" uuid NOT NULL,
  	"channel" "enum_newsroom_partner_receipts_channel" NOT NULL,
  	"format" "enum_newsroom_partner_receipts_format" NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "sources" ADD COLUMN "licence_redistribution" "enum_sources_licence_redistribution" DEFAULT 'forbidden';
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "partners_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "newsroom_partner_receipts_id" uuid;
  ALTER TABLE "partners_formats" ADD CONSTRAINT "partners_formats_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "partners_filters_languages" ADD CONSTRAINT "partners_filters_languages_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "partners_tokens" ADD CONSTRAINT "partners_tokens_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "partners_rels" ADD CONSTRAINT "partners_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "partners_rels" ADD CONSTRAINT "partners_rels_sections_fk" FOREIGN KEY ("sections_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "newsroom_partner_receipts_items" ADD CONSTRAINT "newsroom_partner_receipts_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."newsroom_partner_receipts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "newsroom_partner_receipts" ADD CONSTRAINT "newsroom_partner_receipts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "partners_formats_order_idx" ON "partners_formats" USING btree ("order");
  CREATE INDEX "partners_formats_parent_idx" ON "partners_formats" USING btree ("parent_id");
  CREATE INDEX "partners_filters_languages_order_idx" ON "partners_filters_languages" USING btree ("order");
  CREATE INDEX "partners_filters_languages_parent_idx" ON "partners_filters_languages" USING btree ("parent_id");
  CREATE INDEX "partners_tokens_order_idx" ON "partners_tokens" USING btree ("_order");
  CREATE INDEX "partners_tokens_parent_id_idx" ON "partners_tokens" USING btree ("_parent_id");
  CREATE INDEX "partners_tokens_hash_idx" ON "partners_tokens" USING btree ("hash");
  CREATE INDEX "partners_active_idx" ON "partners" USING btree ("active");
  CREATE INDEX "partners_updated_at_idx" ON "partners" USING btree ("updated_at");
  CREATE INDEX "partners_created_at_idx" ON "partners" USING btree ("created_at");
  CREATE INDEX "partners_rels_order_idx" ON "partners_rels" USING btree ("order");
  CREATE INDEX "partners_rels_parent_idx" ON "partners_rels" USING btree ("parent_id");
  CREATE INDEX "partners_rels_path_idx" ON "partners_rels" USING btree ("path");
  CREATE INDEX "partners_rels_sections_id_idx" ON "partners_rels" USING btree ("sections_id");
  CREATE INDEX "newsroom_partner_receipts_items_order_idx" ON "newsroom_partner_receipts_items" USING btree ("_order");
  CREATE INDEX "newsroom_partner_receipts_items_parent_id_idx" ON "newsroom_partner_receipts_items" USING btree ("_parent_id");
  CREATE INDEX "newsroom_partner_receipts_items_article_ref_idx" ON "newsroom_partner_receipts_items" USING btree ("article_ref");
  CREATE INDEX "newsroom_partner_receipts_partner_idx" ON "newsroom_partner_receipts" USING btree ("partner_id");
  CREATE INDEX "newsroom_partner_receipts_updated_at_idx" ON "newsroom_partner_receipts" USING btree ("updated_at");
  CREATE INDEX "newsroom_partner_receipts_created_at_idx" ON "newsroom_partner_receipts" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_partners_fk" FOREIGN KEY ("partners_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_newsroom_partner_receipts_fk" FOREIGN KEY ("newsroom_partner_receipts_id") REFERENCES "public"."newsroom_partner_receipts"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_partners_id_idx" ON "payload_locked_documents_rels" USING btree ("partners_id");
  CREATE INDEX "payload_locked_documents_rels_newsroom_partner_receipts__idx" ON "payload_locked_documents_rels" USING btree ("newsroom_partner_receipts_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "partners_formats" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "partners_filters_languages" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "partners_tokens" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "partners" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "partners_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "newsroom_partner_receipts_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "newsroom_partner_receipts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "partners_formats" CASCADE;
  DROP TABLE "partners_filters_languages" CASCADE;
  DROP TABLE "partners_tokens" CASCADE;
  DROP TABLE "partners" CASCADE;
  DROP TABLE "partners_rels" CASCADE;
  DROP TABLE "newsroom_partner_receipts_items" CASCADE;
  DROP TABLE "newsroom_partner_receipts" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_partners_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_newsroom_partner_receipts_fk";
  
  DROP INDEX "payload_locked_documents_rels_partners_id_idx";
  DROP INDEX "payload_locked_documents_rels_newsroom_partner_receipts__idx";
  ALTER TABLE "sources" DROP COLUMN "licence_redistribution";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "partners_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "newsroom_partner_receipts_id";
  DROP TYPE "public"."enum_sources_licence_redistribution";
  DROP TYPE "public"."enum_partners_formats";
  DROP TYPE "public"."enum_partners_filters_languages";
  DROP TYPE "public"."enum_partners_filters_origin";
  DROP TYPE "public"."enum_newsroom_partner_receipts_channel";
  DROP TYPE "public"."enum_newsroom_partner_receipts_format";`)
}
