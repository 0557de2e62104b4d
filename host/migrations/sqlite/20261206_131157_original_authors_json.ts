import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// `originalAuthors` moves from rows of `*_texts` (a `hasMany` text) into a JSON column of the article's
// own row: the names are copied over, in their order, then their rows removed (and back on the way down).

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`attribution_original_authors\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_attribution_original_authors\` text;`)
  await db.run(sql`UPDATE \`articles\` SET \`attribution_original_authors\` = (
    SELECT json_group_array(\`text\`) FROM (SELECT \`text\` FROM \`articles_texts\` t WHERE t.\`parent_id\` = \`articles\`.\`id\` AND t.\`path\` = 'attribution.originalAuthors' ORDER BY t.\`order\`)
  ) WHERE \`id\` IN (SELECT \`parent_id\` FROM \`articles_texts\` WHERE \`path\` = 'attribution.originalAuthors');`)
  await db.run(sql`UPDATE \`_articles_v\` SET \`version_attribution_original_authors\` = (
    SELECT json_group_array(\`text\`) FROM (SELECT \`text\` FROM \`_articles_v_texts\` t WHERE t.\`parent_id\` = \`_articles_v\`.\`id\` AND t.\`path\` = 'version.attribution.originalAuthors' ORDER BY t.\`order\`)
  ) WHERE \`id\` IN (SELECT \`parent_id\` FROM \`_articles_v_texts\` WHERE \`path\` = 'version.attribution.originalAuthors');`)
  await db.run(sql`DELETE FROM \`articles_texts\` WHERE \`path\` = 'attribution.originalAuthors';`)
  await db.run(sql`DELETE FROM \`_articles_v_texts\` WHERE \`path\` = 'version.attribution.originalAuthors';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`INSERT INTO \`articles_texts\` (\`order\`, \`parent_id\`, \`path\`, \`text\`)
    SELECT names.\`key\` + 1, a.\`id\`, 'attribution.originalAuthors', names.\`value\` FROM \`articles\` a, json_each(a.\`attribution_original_authors\`) names
    WHERE json_valid(a.\`attribution_original_authors\`) AND json_type(a.\`attribution_original_authors\`) = 'array';`)
  await db.run(sql`INSERT INTO \`_articles_v_texts\` (\`order\`, \`parent_id\`, \`path\`, \`text\`)
    SELECT names.\`key\` + 1, v.\`id\`, 'version.attribution.originalAuthors', names.\`value\` FROM \`_articles_v\` v, json_each(v.\`version_attribution_original_authors\`) names
    WHERE json_valid(v.\`version_attribution_original_authors\`) AND json_type(v.\`version_attribution_original_authors\`) = 'array';`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`attribution_original_authors\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_attribution_original_authors\`;`)
}
