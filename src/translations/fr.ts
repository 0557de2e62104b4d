import type { en } from './en'

/** Typed as the English object, so a missing French string fails to compile. */
export const fr: typeof en = {
  newsroom: {
    description: 'Description',
    name: 'Nom',
    roleAdmin: 'Administrateur',
    roleEditor: 'Éditeur',
    roleIngest: 'Ingestion (API)',
    roles: 'Rôles',
    roleWriter: 'Rédacteur',
    sectionPlural: 'Rubriques',
    sectionSingular: 'Rubrique',
    slug: 'Identifiant (slug)',
    slugDescription:
      'Lettres minuscules, chiffres et traits d’union. Rempli à partir du nom s’il est laissé vide.',
    slugInvalid:
      'Utilisez uniquement des lettres minuscules, des chiffres et des traits d’union simples (par exemple « actualites-monde »).',
    userPlural: 'Utilisateurs',
    userSingular: 'Utilisateur',
  },
}
