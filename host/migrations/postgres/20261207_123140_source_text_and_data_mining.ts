import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_sources_text_and_data_mining" AS ENUM('reserved', 'allowed');
  ALTER TABLE "sources" ADD COLUMN "text_and_data_mining" "enum_sources_text_and_data_mining" DEFAULT 'reserved';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "sources" DROP COLUMN "text_and_data_mining";
  DROP TYPE "public"."enum_sources_text_and_data_mining";`)
}
