import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_media_content_credentials_status" AS ENUM('signed', 'kept', 'none');
  ALTER TABLE "media" ADD COLUMN "content_credentials_status" "enum_media_content_credentials_status";
  ALTER TABLE "media" ADD COLUMN "content_credentials_signed_at" timestamp(3) with time zone;
  ALTER TABLE "media" ADD COLUMN "content_credentials_signer" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" DROP COLUMN "content_credentials_status";
  ALTER TABLE "media" DROP COLUMN "content_credentials_signed_at";
  ALTER TABLE "media" DROP COLUMN "content_credentials_signer";
  DROP TYPE "public"."enum_media_content_credentials_status";`)
}
