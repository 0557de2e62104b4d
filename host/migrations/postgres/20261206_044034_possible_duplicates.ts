import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_possible_duplicate_reason" AS ENUM('same-original-url', 'same-story');
  CREATE TYPE "public"."enum__articles_v_version_possible_duplicate_reason" AS ENUM('same-original-url', 'same-story');
  ALTER TABLE "articles" ADD COLUMN "attribution_original_url_key" varchar;
  ALTER TABLE "articles" ADD COLUMN "attribution_story_fingerprint" varchar;
  ALTER TABLE "articles" ADD COLUMN "possible_duplicate_of_id" uuid;
  ALTER TABLE "articles" ADD COLUMN "possible_duplicate_reason" "enum_articles_possible_duplicate_reason";
  ALTER TABLE "articles" ADD COLUMN "possible_duplicate_dismissed" boolean;
  ALTER TABLE "_articles_v" ADD COLUMN "version_attribution_original_url_key" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_attribution_story_fingerprint" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_possible_duplicate_of_id" uuid;
  ALTER TABLE "_articles_v" ADD COLUMN "version_possible_duplicate_reason" "enum__articles_v_version_possible_duplicate_reason";
  ALTER TABLE "_articles_v" ADD COLUMN "version_possible_duplicate_dismissed" boolean;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_possible_duplicate_of_id_articles_id_fk" FOREIGN KEY ("possible_duplicate_of_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_possible_duplicate_of_id_articles_id_fk" FOREIGN KEY ("version_possible_duplicate_of_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "articles_attribution_attribution_original_url_key_idx" ON "articles" USING btree ("attribution_original_url_key");
  CREATE INDEX "articles_attribution_attribution_story_fingerprint_idx" ON "articles" USING btree ("attribution_story_fingerprint");
  CREATE INDEX "articles_possible_duplicate_possible_duplicate_of_idx" ON "articles" USING btree ("possible_duplicate_of_id");
  CREATE INDEX "_articles_v_version_attribution_version_attribution_orig_idx" ON "_articles_v" USING btree ("version_attribution_original_url_key");
  CREATE INDEX "_articles_v_version_attribution_version_attribution_stor_idx" ON "_articles_v" USING btree ("version_attribution_story_fingerprint");
  CREATE INDEX "_articles_v_version_possible_duplicate_version_possible__idx" ON "_articles_v" USING btree ("version_possible_duplicate_of_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP CONSTRAINT "articles_possible_duplicate_of_id_articles_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_possible_duplicate_of_id_articles_id_fk";
  
  DROP INDEX "articles_attribution_attribution_original_url_key_idx";
  DROP INDEX "articles_attribution_attribution_story_fingerprint_idx";
  DROP INDEX "articles_possible_duplicate_possible_duplicate_of_idx";
  DROP INDEX "_articles_v_version_attribution_version_attribution_orig_idx";
  DROP INDEX "_articles_v_version_attribution_version_attribution_stor_idx";
  DROP INDEX "_articles_v_version_possible_duplicate_version_possible__idx";
  ALTER TABLE "articles" DROP COLUMN "attribution_original_url_key";
  ALTER TABLE "articles" DROP COLUMN "attribution_story_fingerprint";
  ALTER TABLE "articles" DROP COLUMN "possible_duplicate_of_id";
  ALTER TABLE "articles" DROP COLUMN "possible_duplicate_reason";
  ALTER TABLE "articles" DROP COLUMN "possible_duplicate_dismissed";
  ALTER TABLE "_articles_v" DROP COLUMN "version_attribution_original_url_key";
  ALTER TABLE "_articles_v" DROP COLUMN "version_attribution_story_fingerprint";
  ALTER TABLE "_articles_v" DROP COLUMN "version_possible_duplicate_of_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_possible_duplicate_reason";
  ALTER TABLE "_articles_v" DROP COLUMN "version_possible_duplicate_dismissed";
  DROP TYPE "public"."enum_articles_possible_duplicate_reason";
  DROP TYPE "public"."enum__articles_v_version_possible_duplicate_reason";`)
}
