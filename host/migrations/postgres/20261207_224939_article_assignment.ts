import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "assigned_to_id" uuid;
  ALTER TABLE "articles" ADD COLUMN "assigned_to_desk" boolean DEFAULT false;
  ALTER TABLE "_articles_v" ADD COLUMN "version_assigned_to_id" uuid;
  ALTER TABLE "_articles_v" ADD COLUMN "version_assigned_to_desk" boolean DEFAULT false;
  ALTER TABLE "sections_rels" ADD COLUMN "users_id" uuid;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_assigned_to_id_users_id_fk" FOREIGN KEY ("version_assigned_to_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sections_rels" ADD CONSTRAINT "sections_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_assigned_to_idx" ON "articles" USING btree ("assigned_to_id");
  CREATE INDEX "articles_assigned_to_desk_idx" ON "articles" USING btree ("assigned_to_desk");
  CREATE INDEX "_articles_v_version_version_assigned_to_idx" ON "_articles_v" USING btree ("version_assigned_to_id");
  CREATE INDEX "_articles_v_version_version_assigned_to_desk_idx" ON "_articles_v" USING btree ("version_assigned_to_desk");
  CREATE INDEX "sections_rels_users_id_idx" ON "sections_rels" USING btree ("users_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP CONSTRAINT "articles_assigned_to_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_assigned_to_id_users_id_fk";
  
  ALTER TABLE "sections_rels" DROP CONSTRAINT "sections_rels_users_fk";
  
  DROP INDEX "articles_assigned_to_idx";
  DROP INDEX "articles_assigned_to_desk_idx";
  DROP INDEX "_articles_v_version_version_assigned_to_idx";
  DROP INDEX "_articles_v_version_version_assigned_to_desk_idx";
  DROP INDEX "sections_rels_users_id_idx";
  ALTER TABLE "articles" DROP COLUMN "assigned_to_id";
  ALTER TABLE "articles" DROP COLUMN "assigned_to_desk";
  ALTER TABLE "_articles_v" DROP COLUMN "version_assigned_to_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_assigned_to_desk";
  ALTER TABLE "sections_rels" DROP COLUMN "users_id";`)
}
