import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// The action `requestChanges` is now `request_changes`, as the states are spelt: recorded events follow
// (SQLite keeps select values as text, so only the rows change).
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`UPDATE \`workflow_events\` SET \`action\` = 'request_changes' WHERE \`action\` = 'requestChanges';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`UPDATE \`workflow_events\` SET \`action\` = 'requestChanges' WHERE \`action\` = 'request_changes';`)
}
