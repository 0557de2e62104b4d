import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "compound_index_idx";
  CREATE INDEX "compound_index_idx" ON "articles" USING btree ("language","section_id","_status","workflow_state","pinned","published_at","created_at");
  CREATE INDEX "language__status_workflowState_pinned_publishedAt_create_idx" ON "articles" USING btree ("language","_status","workflow_state","pinned","published_at","created_at");
  CREATE INDEX "compound_index_1_idx" ON "_articles_v" USING btree ("version_language","version_section_id","version__status","version_pinned","version_published_at","version_created_at");
  CREATE INDEX "compound_index_2_idx" ON "_articles_v" USING btree ("version_language","version_section_id","version__status","version_workflow_state","version_pinned","version_published_at","version_created_at");
  CREATE INDEX "compound_index_3_idx" ON "_articles_v" USING btree ("version_language","version__status","version_workflow_state","version_pinned","version_published_at","version_created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "compound_index_idx";
  DROP INDEX "language__status_workflowState_pinned_publishedAt_create_idx";
  DROP INDEX "compound_index_1_idx";
  DROP INDEX "compound_index_2_idx";
  DROP INDEX "compound_index_3_idx";
  CREATE INDEX "compound_index_idx" ON "_articles_v" USING btree ("version_language","version_section_id","version__status","version_pinned","version_published_at","version_created_at");`)
}
