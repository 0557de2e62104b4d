import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
  await db.run(sql`CREATE INDEX \`compound_index_1_idx\` ON \`_articles_v\` (\`version_language\`,\`version_section_id\`,\`version__status\`,\`version_pinned\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_2_idx\` ON \`_articles_v\` (\`version_language\`,\`version_section_id\`,\`version__status\`,\`version_workflow_state\`,\`version_pinned\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_3_idx\` ON \`_articles_v\` (\`version_language\`,\`version__status\`,\`version_workflow_state\`,\`version_pinned\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`articles\` (\`language\`,\`section_id\`,\`_status\`,\`workflow_state\`,\`pinned\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`language__status_workflowState_pinned_publishedAt_create_idx\` ON \`articles\` (\`language\`,\`_status\`,\`workflow_state\`,\`pinned\`,\`published_at\`,\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
  await db.run(sql`DROP INDEX \`language__status_workflowState_pinned_publishedAt_create_idx\`;`)
  await db.run(sql`DROP INDEX \`compound_index_1_idx\`;`)
  await db.run(sql`DROP INDEX \`compound_index_2_idx\`;`)
  await db.run(sql`DROP INDEX \`compound_index_3_idx\`;`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_articles_v\` (\`version_language\`,\`version_section_id\`,\`version__status\`,\`version_pinned\`,\`version_published_at\`,\`version_created_at\`);`)
}
