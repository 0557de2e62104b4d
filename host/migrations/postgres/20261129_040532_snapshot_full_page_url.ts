import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles_applied_disclaimers" ADD COLUMN "full_page_url" varchar;
  ALTER TABLE "_articles_v_version_applied_disclaimers" ADD COLUMN "full_page_url" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles_applied_disclaimers" DROP COLUMN "full_page_url";
  ALTER TABLE "_articles_v_version_applied_disclaimers" DROP COLUMN "full_page_url";`)
}
