import { heading, lexicalDocument, paragraph } from 'payload-newsroom/server'
/**
 * The demo newsroom's articles: fictional events, written for this project. `state` is where the
 * seed leaves each one (it gets there through the workflow actions, as an editor would).
 */
export type SampleArticle = {
  /** `summaryWaitsHours`: the pending summary's generation is queued that far ahead, so the feed shows the placeholder. */
  ai?: { level: string; summaryStatus?: string; summaryText?: string; summaryWaitsHours?: number }
  automatedByline?: { label: string; system: string }
  body: ReturnType<typeof lexicalDocument>
  correction?: string
  language: 'en' | 'fr'
  retraction?: string
  section: string
  slug: string
  source?: {
    itemId: string
    originalTitle?: string
    slug: string
    transformation: string
    url: string
  }
  standfirst: string
  state:
    | 'approved'
    | 'changes_requested'
    | 'draft'
    | 'in_review'
    | 'published'
    | 'retracted'
    | 'scheduled'
  title: string
  /** Key of its featured image in `sampleImages`. */
  image?: string
  /** Slug of the article (in another language) this one translates. */
  translationOf?: string
}

const twoSections = (first: [string, string, string], second: [string, string, string]) =>
  lexicalDocument([
    heading('h2', first[0]),
    paragraph(first[1]),
    paragraph(first[2]),
    heading('h2', second[0]),
    paragraph(second[1]),
    paragraph(second[2]),
  ])

export const sampleArticles: SampleArticle[] = [
  {
    ai: { level: 'generated', summaryStatus: 'pending' },
    automatedByline: { label: 'robot', system: 'newsroom-ingest' },
    body: twoSections(
      [
        'Ce que prévoit l’accord',
        'Les ministres de la Défense des deux pays ont signé mardi à Caracas un accord de coopération portant sur la formation d’officiers et l’entretien de matériel aérien.',
        'Le texte prévoit des exercices conjoints dès le printemps prochain, selon un communiqué publié à l’issue de la rencontre.',
      ],
      [
        'Les réactions dans la région',
        'Plusieurs gouvernements voisins ont demandé des précisions sur la portée de l’accord, sans annoncer de mesure particulière.',
        'Des analystes interrogés par l’agence estiment que la coopération restera d’abord technique au cours des prochains mois.',
      ],
    ),
    language: 'fr',
    section: 'monde',
    image: 'map',
    slug: 'moscou-renforce-la-defense-du-venezuela',
    source: {
      itemId: 'AHP-2026-11-28-0412',
      originalTitle: 'Moscou et Caracas signent un accord de coopération militaire',
      slug: 'agence-horizon',
      transformation: 'rewritten',
      url: 'https://horizon-presse.example/depeches/2026/11/28/0412',
    },
    standfirst: 'Un accord de coopération militaire a été signé mardi entre les deux capitales.',
    state: 'published',
    title: 'Moscou renforce la défense du Venezuela',
  },
  {
    body: twoSections(
      [
        'Une décision attendue',
        'Le conseil des gouverneurs a laissé ses taux directeurs inchangés jeudi, comme l’anticipait la majorité des économistes.',
        'L’inflation de la zone euro s’est établie à 2,1 % sur un an en octobre, proche de l’objectif fixé.',
      ],
      [
        'Ce qui pourrait changer',
        'La présidente de l’institution a indiqué que les prochaines décisions dépendraient des données publiées d’ici au printemps.',
        'Les marchés obligataires ont peu réagi à l’annonce.',
      ],
    ),
    ai: { level: 'none', summaryStatus: 'pending', summaryWaitsHours: 24 },
    image: 'rates',
    language: 'fr',
    section: 'economie',
    slug: 'la-bce-maintient-ses-taux',
    standfirst:
      'L’institution de Francfort garde le statu quo pour la troisième réunion consécutive.',
    state: 'published',
    title: 'La BCE maintient ses taux',
  },
  {
    body: twoSections(
      [
        'An expected decision',
        'The governing council left its key rates unchanged on Thursday, as most economists had expected.',
        'Euro area inflation stood at 2.1% year on year in October, close to the target.',
      ],
      [
        'What could change',
        'The institution’s president said the next decisions would depend on the data published before the spring.',
        'Bond markets barely moved on the announcement.',
      ],
    ),
    language: 'en',
    section: 'economie',
    slug: 'ecb-holds-rates',
    standfirst: 'The Frankfurt institution keeps the status quo for a third meeting in a row.',
    state: 'published',
    title: 'ECB holds rates steady',
    translationOf: 'la-bce-maintient-ses-taux',
  },
  {
    body: twoSections(
      [
        'A record session',
        'Bitcoin traded above a new threshold on Monday before easing in the afternoon, in volumes well above the monthly average.',
        'Several exchanges reported brief delays on withdrawals during the busiest hour.',
      ],
      [
        'Context',
        'Flows into listed funds tracking the asset have risen for three consecutive weeks, according to figures compiled by the partner.',
        'Analysts cited by the partner warn that volatility remains high.',
      ],
    ),
    language: 'en',
    section: 'crypto',
    image: 'bitcoin',
    slug: 'bitcoin-crosses-a-new-threshold',
    source: {
      itemId: 'CWP-88213',
      slug: 'chainwire-partners',
      transformation: 'excerpt',
      url: 'https://chainwire.example/markets/88213',
    },
    standfirst: 'The largest crypto-asset set a new high in heavy trading before falling back.',
    state: 'published',
    title: 'Bitcoin crosses a new threshold',
  },
  {
    body: twoSections(
      [
        'Un chantier de trois ans',
        'La métropole a présenté lundi le tracé définitif de sa future ligne de tramway, qui desservira onze communes.',
        'Les travaux doivent commencer à l’été, pour une mise en service annoncée en 2029.',
      ],
      [
        'Le financement',
        'Le coût est estimé à 480 millions d’euros, dont un tiers apporté par l’État et la région.',
        'Une réunion publique est prévue dans chaque commune traversée.',
      ],
    ),
    language: 'fr',
    section: 'technologie',
    slug: 'le-trace-du-futur-tramway-devoile',
    standfirst: 'Onze communes seront desservies par la nouvelle ligne à partir de 2029.',
    state: 'published',
    title: 'Le tracé du futur tramway dévoilé',
  },
  {
    body: twoSections(
      [
        'Les chiffres du trimestre',
        'Le fabricant de semi-conducteurs a publié un chiffre d’affaires trimestriel de 2,4 milliards d’euros, en hausse de 9 %.',
        'La marge opérationnelle s’est améliorée de deux points sur un an.',
      ],
      [
        'Les perspectives',
        'La direction maintient ses objectifs annuels mais signale des délais d’approvisionnement plus longs.',
        'Le titre a gagné 4 % à l’ouverture.',
      ],
    ),
    correction:
      'Une version précédente indiquait une hausse de 19 % du chiffre d’affaires ; la hausse est de 9 %.',
    language: 'fr',
    section: 'marches',
    slug: 'resultats-trimestriels-en-hausse-pour-un-fabricant-de-puces',
    source: {
      itemId: 'CE-5531',
      slug: 'communiques-express',
      transformation: 'summarised',
      url: 'https://communiques.example/2026/5531',
    },
    standfirst: 'Le chiffre d’affaires progresse de 9 % sur un an.',
    state: 'published',
    title: 'Résultats trimestriels en hausse pour un fabricant de puces',
  },
  {
    body: twoSections(
      [
        'Ce qui avait été annoncé',
        'Un site d’information avait fait état dimanche d’une fusion imminente entre deux plateformes d’échange.',
        'L’information a été reprise par plusieurs agrégateurs dans la matinée.',
      ],
      [
        'Le démenti',
        'Les deux entreprises ont démenti lundi toute discussion en cours.',
        'Le site à l’origine de l’information a retiré son article.',
      ],
    ),
    language: 'fr',
    retraction:
      'Cet article reprenait une information démentie par les entreprises concernées ; il est retiré.',
    section: 'crypto',
    slug: 'rumeur-de-fusion-entre-deux-plateformes',
    source: {
      itemId: 'FA-20261127-77',
      slug: 'flux-agrege',
      transformation: 'rewritten',
      url: 'https://flux-agrege.example/a/20261127-77',
    },
    standfirst: 'Une fusion annoncée dimanche a été démentie lundi.',
    state: 'retracted',
    title: 'Rumeur de fusion entre deux plateformes',
  },
  {
    body: twoSections(
      [
        'Le projet de loi',
        'Le texte, examiné en commission mercredi, encadre la publicité en ligne pour les produits d’investissement.',
        'Les influenceurs rémunérés devront afficher une mention visible.',
      ],
      [
        'Les prochaines étapes',
        'Le vote en séance est prévu le mois prochain.',
        'Les professionnels du secteur ont été auditionnés la semaine dernière.',
      ],
    ),
    language: 'fr',
    section: 'economie',
    slug: 'la-publicite-financiere-en-ligne-encadree',
    standfirst: 'Un projet de loi impose des mentions visibles aux promotions rémunérées.',
    state: 'in_review',
    title: 'La publicité financière en ligne bientôt encadrée',
  },
  {
    body: twoSections(
      [
        'What was found',
        'Researchers described a flaw affecting a widely used library for reading image files.',
        'A fix is available and maintainers urge users to update.',
      ],
      [
        'Who is affected',
        'Applications that process images uploaded by users are the most exposed.',
        'No exploitation has been reported so far.',
      ],
    ),
    language: 'en',
    section: 'technologie',
    slug: 'flaw-found-in-an-image-library',
    standfirst: 'A fix is out for a vulnerability in a common image library.',
    state: 'changes_requested',
    title: 'Flaw found in a widely used image library',
  },
  {
    body: twoSections(
      [
        'Le sommet',
        'Les dirigeants de vingt pays se retrouveront à Lisbonne pour deux jours de discussions sur le climat et l’énergie.',
        'Un texte commun est en préparation depuis l’été.',
      ],
      [
        'Les enjeux',
        'Les négociateurs divergent encore sur le calendrier de sortie du charbon.',
        'Des organisations non gouvernementales organisent un contre-sommet.',
      ],
    ),
    language: 'fr',
    section: 'monde',
    slug: 'un-sommet-sur-le-climat-a-lisbonne',
    standfirst: 'Vingt pays se réunissent pour deux jours de négociations.',
    state: 'scheduled',
    title: 'Un sommet sur le climat s’ouvre à Lisbonne',
  },
  {
    body: twoSections(
      [
        'L’annonce',
        'La start-up a levé 30 millions d’euros pour développer ses batteries au sodium.',
        'Une usine pilote doit ouvrir l’an prochain.',
      ],
      [
        'Le marché',
        'Les batteries au sodium visent le stockage stationnaire plutôt que les véhicules.',
        'Plusieurs industriels ont annoncé des projets similaires.',
      ],
    ),
    language: 'fr',
    section: 'technologie',
    slug: 'une-start-up-leve-30-millions-pour-ses-batteries',
    standfirst: 'Les fonds serviront à une usine pilote.',
    state: 'approved',
    title: 'Une start-up lève 30 millions pour ses batteries au sodium',
  },
  {
    body: twoSections(
      [
        'Premières données',
        'Le service statistique publiera vendredi ses premières estimations de la croissance du quatrième trimestre.',
        'Les économistes attendent une progression modeste.',
      ],
      [
        'À suivre',
        'Les chiffres de l’emploi suivront la semaine prochaine.',
        'La consommation des ménages reste le principal moteur.',
      ],
    ),
    language: 'fr',
    section: 'economie',
    slug: 'la-croissance-du-quatrieme-trimestre-attendue',
    standfirst: 'Les premières estimations sont attendues vendredi.',
    state: 'draft',
    title: 'La croissance du quatrième trimestre attendue vendredi',
  },
]
