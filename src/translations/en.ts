/** English strings of the plugin, under the `newsroom` namespace of Payload's i18n. */
export const en = {
  newsroom: {
    description: 'Description',
    name: 'Name',
    roleAdmin: 'Administrator',
    roleEditor: 'Editor',
    roleIngest: 'Ingest (API)',
    roles: 'Roles',
    roleWriter: 'Writer',
    sectionPlural: 'Sections',
    sectionSingular: 'Section',
    slug: 'Slug',
    slugDescription: 'Lowercase letters, digits and hyphens. Filled from the name when left empty.',
    slugInvalid: 'Use only lowercase letters, digits and single hyphens (for example "world-news").',
    userPlural: 'Users',
    userSingular: 'User',
  },
}
