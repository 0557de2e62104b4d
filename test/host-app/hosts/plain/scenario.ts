/**
 * The plain host (Payload's blank template: PostgreSQL with integer IDs, no localization, its own
 * users and media) through its own route files, run by test/host-app/run.ts after `payload migrate`.
 * Prints one line per check and exits 1 when any failed.
 */
import { getPayload, type Payload } from 'payload'
import { lexicalDocument, paragraph } from 'payload-newsroom/server'

import {
  check,
  fieldNames,
  graphql,
  login,
  must,
  pathsOf,
  readersSeeDisclaimer,
  rest,
  runScenario,
  section,
  useLabel,
} from './harness'
import config from './payload.config'

useLabel('plain')

const password = 'plain-gazette-password-1'
const disclaimer = {
  shortText:
    'This article was written by a third party and is published under licence; its views are its author’s.',
  title: 'Third-party content',
}

const hostCollections = async (payload: Payload) => {
  section(
    'the host keeps its users and its media; the plugin adds roles and takes another slug for images',
  )
  const users = fieldNames(payload.collections.users.config.fields)
  check(
    'users keeps the host’s nickname and gains the plugin’s roles',
    users.includes('nickname') && users.includes('roles'),
    users,
  )
  const media = payload.collections.media.config
  check(
    'media is still the host’s own upload collection (its alt field, no plugin credit)',
    Boolean(media.upload) &&
      fieldNames(media.fields).includes('alt') &&
      !fieldNames(media.fields).includes('credit'),
  )
  check(
    'the plugin’s images live under newsroom-media',
    Boolean(payload.collections['newsroom-media' as 'media']?.config.upload),
  )
  check(
    'Payload runs without localization',
    payload.config.localization === false,
    payload.config.localization,
  )
  check(
    'IDs are integers (PostgreSQL serial)',
    (payload.db as unknown as { idType?: string }).idType === 'serial',
    (payload.db as unknown as { idType?: string }).idType,
  )

  const people = {
    editor: await payload.create({
      collection: 'users',
      data: { email: 'editor@plain.example', nickname: 'Ed', password, roles: ['editor'] } as any,
    }),
    writer: await payload.create({
      collection: 'users',
      data: { email: 'writer@plain.example', password } as any,
    }),
  }
  check('user IDs are numbers', typeof people.editor.id === 'number', people.editor.id)
  return {
    editor: await login('users', 'editor@plain.example', password),
    people,
    writer: await login('users', 'writer@plain.example', password),
  }
}

const scenario = async (payload: Payload) => {
  const tokens = await hostCollections(payload)

  section('GraphQL takes the host’s ID type')
  const mutation = await graphql(
    '{ __type(name: "Mutation") { fields { name args { name type { kind ofType { name } } } } } }',
  )
  const workflowID = mutation.body?.data?.__type?.fields
    ?.find((field: any) => field.name === 'articleWorkflow')
    ?.args?.find((arg: any) => arg.name === 'id')
  check(
    'articleWorkflow(id:) is an Int!, as Article(id:) is',
    workflowID?.type?.kind === 'NON_NULL' && workflowID?.type?.ofType?.name === 'Int',
    workflowID,
  )

  // A section before any article: an article belongs to one.
  const markets = await payload.create({ collection: 'sections', data: { name: 'Markets' } as any })
  const wire = await payload.create({
    collection: 'sources',
    data: { category: 'wire', creditLine: 'Plain Wire', name: 'Plain Wire' } as any,
  })
  check(
    'a section and a source get their slugs without localization',
    (markets as any).slug === 'markets' && (wire as any).slug === 'plain-wire',
    { section: markets, wire },
  )

  let item = 0
  const draft = async () => {
    item += 1
    const created = await rest('POST', '/articles', {
      body: {
        attribution: {
          originalUrl: `https://wire.plain.example/items/${item}`,
          source: wire.id,
          sourceItemId: `plain-${item}`,
        },
        body: lexicalDocument([paragraph('A wire story, as the agency sent it.')]),
        language: 'en',
        origin: 'syndicated',
        section: markets.id,
        title: `Plain wire story ${item}`,
      },
      query: { draft: 'true' },
      token: tokens.editor,
    })
    return must(
      `an editor saves syndicated draft ${item}`,
      created.status === 201 ? created.body?.doc : null,
      created,
    )
  }

  section('the guarantee without localization, before any third-party disclaimer exists')
  const first = await draft()
  const refused = await rest('POST', `/articles/${first.id}/workflow`, {
    body: { action: 'publish' },
    token: tokens.editor,
  })
  check(
    'publishing it answers 400 naming disclaimers',
    refused.status === 400 && JSON.stringify(pathsOf(refused)) === '["disclaimers"]',
    refused,
  )
  const viaGraphQL = await graphql(
    'mutation ($id: Int!) { articleWorkflow(id: $id, action: publish) { id status } }',
    { token: tokens.editor, variables: { id: first.id } },
  )
  check(
    'GraphQL articleWorkflow with the integer ID refuses it too (statusCode 400)',
    viaGraphQL.body?.errors?.[0]?.extensions?.statusCode === 400,
    viaGraphQL.body,
  )
  check(
    'it is still a draft in the database',
    (
      (await payload.db.findOne({
        collection: 'articles',
        where: { id: { equals: first.id } },
      })) as any
    )?._status === 'draft',
  )

  section('the newsroom’s default third-party disclaimer is attached at publication')
  const notice = await payload.create({
    collection: 'disclaimers',
    data: {
      key: 'third-party-content',
      kind: 'third-party',
      status: 'approved',
      ...disclaimer,
    } as any,
  })
  check(
    'the disclaimer’s hash is one string, not one per locale',
    typeof (notice as any).contentHash === 'string' &&
      /^[0-9a-f]{64}$/.test((notice as any).contentHash),
    (notice as any).contentHash,
  )
  const published = await graphql(
    'mutation ($id: Int!) { articleWorkflow(id: $id, action: publish) { id status workflowState } }',
    { token: tokens.editor, variables: { id: first.id } },
  )
  check(
    'GraphQL articleWorkflow publishes it, answering the integer ID',
    published.body?.data?.articleWorkflow?.status === 'published' &&
      published.body.data.articleWorkflow.id === first.id,
    published.body,
  )
  const row = (await payload.db.findOne({
    collection: 'articles',
    where: { id: { equals: first.id } },
  })) as any
  const snapshot = row?.appliedDisclaimers?.[0]
  check(
    'the stored snapshot holds the whole wording in the article’s language and the disclaimer’s own hash',
    row?._status === 'published' &&
      JSON.stringify(Object.keys(snapshot?.texts ?? {})) === '["en"]' &&
      snapshot.texts.en.title === disclaimer.title &&
      snapshot.texts.en.shortText === disclaimer.shortText &&
      snapshot.contentHash === (notice as any).contentHash,
    snapshot,
  )
  await readersSeeDisclaimer(
    { articles: 'articles', disclaimers: 'disclaimers' },
    { language: 'en', slug: row.slug },
    disclaimer,
  )
  const clean = await rest('GET', '/articles/compliance', { token: tokens.editor })
  check(
    'the compliance check finds nothing',
    clean.status === 200 && clean.body?.totalFindings === 0,
    clean.body,
  )

  section(
    'a snapshot garbled as an earlier release wrote it is a finding, and re-publication mends it',
  )
  // Straight through the adapter, as the release wrote it (the row keeps its id: the adapter makes none).
  const garbled = {
    id: snapshot.id,
    contentHash: snapshot.contentHash[0],
    disclaimer: notice.id,
    key: snapshot.key,
    kind: snapshot.kind,
    texts: Object.fromEntries(
      [...disclaimer.title].map((letter, index) => [
        String(index),
        { shortText: disclaimer.shortText[index], title: letter },
      ]),
    ),
    version: snapshot.version,
  }
  await payload.db.updateOne({
    collection: 'articles',
    data: { appliedDisclaimers: [garbled] },
    id: first.id,
  })
  const found = await rest('GET', '/articles/compliance', { token: tokens.editor })
  const finding = found.body?.findings?.find((entry: any) => entry.id === first.id)
  check(
    'the compliance check names it (snapshotInvalid)',
    finding?.problems?.some(
      (problem: any) => problem.code === 'snapshotInvalid' && problem.path === 'appliedDisclaimers',
    ),
    found.body,
  )
  const mended = await rest('POST', '/articles/compliance/republish', { token: tokens.editor })
  check(
    're-publishing the findings mends it',
    mended.status === 200 && mended.body?.republished?.some((entry: any) => entry.id === first.id),
    mended.body,
  )
  await readersSeeDisclaimer(
    { articles: 'articles', disclaimers: 'disclaimers' },
    { language: 'en', slug: row.slug },
    disclaimer,
  )

  section('left for the production checks')
  // A published article and a draft, for run.ts to refuse actions on over HTTP after `next start`.
  await draft()
  check('users of the production check exist', Boolean(tokens.writer))
}

const main = async () => {
  console.log(`scenario (plain) on ${process.env.DATABASE_URI?.replace(/\/\/[^@]*@/, '//***@')}`)
  console.log(`payload-newsroom resolves to ${import.meta.resolve('payload-newsroom')}`)
  const payload = await getPayload({ config })
  await runScenario('plain', () => scenario(payload))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
