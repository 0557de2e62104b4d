import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_partners_formats" ADD VALUE 'rss';
  ALTER TYPE "public"."enum_partners_formats" ADD VALUE 'atom';
  ALTER TYPE "public"."enum_newsroom_partner_receipts_format" ADD VALUE 'rss';
  ALTER TYPE "public"."enum_newsroom_partner_receipts_format" ADD VALUE 'atom';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "partners_formats" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_partners_formats";
  CREATE TYPE "public"."enum_partners_formats" AS ENUM('ninjs-3', 'ninjs-2');
  ALTER TABLE "partners_formats" ALTER COLUMN "value" SET DATA TYPE "public"."enum_partners_formats" USING "value"::"public"."enum_partners_formats";
  ALTER TABLE "newsroom_partner_receipts" ALTER COLUMN "format" SET DATA TYPE text;
  DROP TYPE "public"."enum_newsroom_partner_receipts_format";
  CREATE TYPE "public"."enum_newsroom_partner_receipts_format" AS ENUM('ninjs-3', 'ninjs-2');
  ALTER TABLE "newsroom_partner_receipts" ALTER COLUMN "format" SET DATA TYPE "public"."enum_newsroom_partner_receipts_format" USING "format"::"public"."enum_newsroom_partner_receipts_format";`)
}
