import { execFile } from 'node:child_process'
import { rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'
import { APIError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { digestOf, verifyProvenanceChain } from 'payload-newsroom/rules'
import { generateProvenanceKey, loadProvenanceKeys } from 'payload-newsroom/server'
import { newsroomSuite } from '../helpers/newsroomSuite'
import { projectRoot } from '../testDatabase'
import { verifierCommand } from '../helpers/verifier'

type Doc = Record<string, any>

const signingKey = await generateProvenanceKey('test')

/**
 * Proof of what readers saw (issue 36): every publication event writes a signed manifest chained to
 * the article's previous one, in the publication's transaction; anyone can check the chain against
 * the public view, and editors can ask what was served at an instant.
 */
describe('provenance manifests', () => {
  const suite = newsroomSuite({
    newsroom: {
      collections: {
        provenance: {
          // A manifest that cannot be written: the publication must roll back with it.
          overrides: (collection) => ({
            ...collection,
            hooks: {
              ...collection.hooks,
              beforeChange: [
                ...(collection.hooks?.beforeChange ?? []),
                ({ data }) => {
                  if (String(data?.manifest?.article?.slug ?? '').startsWith('unwritable')) {
                    throw new APIError('The manifest store is unavailable.', 503)
                  }
                  return data
                },
              ],
            },
          }),
        },
      },
      provenance: { keys: { keys: [signingKey] } },
    },
  })
  const run = process.pid.toString(36)
  const collection = 'newsroom-provenance'
  let article: Doc

  const chainOf = async (id: number | string, token?: string) =>
    await suite.newsroom.rest.get(`/articles/${id}/provenance`, token ? { token } : {})
  const storedChain = async (id: number | string) =>
    (
      await suite.newsroom.payload.find({
        collection: collection as never,
        pagination: false,
        sort: 'sequence',
        where: { articleRef: { equals: String(id) } },
      })
    ).docs as Doc[]
  /** What `npm run verify-provenance` does with a URL: the chain, the key set and the public view. */
  const verify = async (id: number | string) => {
    const chain = await chainOf(id)
    expect(chain.status, JSON.stringify(chain.body)).toBe(200)
    const keys = await suite.newsroom.rest.get('/articles/provenance/keys')
    const view = chain.body.view
      ? (await suite.newsroom.rest.get(chain.body.view.replace(/^\/api/, ''))).body.article
      : null
    return await verifyProvenanceChain({
      articleID: String(id),
      entries: chain.body.manifests,
      keys: keys.body,
      view,
    })
  }
  const workflow = async (id: number | string, body: object) => {
    const answer = await suite.newsroom.rest.post(`/articles/${id}/workflow`, {
      body,
      token: suite.staff.editor.token,
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  }

  beforeAll(async () => {
    article = await suite.basics.syndicated({
      _status: 'published',
      slug: `depeche-signee-${run}`,
      standfirst: 'Ce que les lecteurs ont lu.',
    })
  })

  it('signs a manifest per publication, chained, and the public view verifies against it', async () => {
    const stored = await storedChain(article.id)
    expect(stored.map((doc) => [doc.sequence, doc.event])).toEqual([[1, 'article.published']])
    const manifest = stored[0].manifest
    expect(manifest).toMatchObject({
      article: { id: String(article.id), language: 'fr', slug: `depeche-signee-${run}` },
      event: 'article.published',
      origin: 'syndicated',
      previous: null,
      sequence: 1,
    })
    expect(manifest.article.url).toBe(`http://localhost:3000/fr/articles/depeche-signee-${run}`)
    expect(manifest.article.version).toEqual(expect.any(String))
    expect(manifest.disclaimers).toEqual([
      expect.objectContaining({ key: suite.basics.thirdParty.key, kind: 'third-party' }),
    ])
    expect(manifest.attribution).toMatchObject({
      originalUrl: expect.stringMatching(/^https:/),
      source: String(suite.basics.source.id),
    })
    expect(stored[0].keyId).toBe(signingKey.kid)

    const verdict = await verify(article.id)
    expect(verdict.problems).toEqual([])
    expect(verdict.manifests).toHaveLength(1)
    // The key set is public and holds no private part.
    const keys = await suite.newsroom.rest.get('/articles/provenance/keys')
    expect(keys.body.keys).toEqual([
      {
        alg: 'EdDSA',
        crv: 'Ed25519',
        kid: signingKey.kid,
        kty: 'OKP',
        use: 'sig',
        x: signingKey.x,
      },
    ])
  })

  it('chains a correction, a retraction and an unpublish; a draft saved over the live article signs nothing', async () => {
    const own = await suite.basics.make.article({
      _status: 'published',
      section: suite.basics.world.id,
      slug: `chaine-${run}`,
    })
    await suite.newsroom.payload.update({
      id: own.id,
      collection: 'articles',
      data: { title: `Brouillon ${run}` },
      draft: true,
    })
    expect(await storedChain(own.id)).toHaveLength(1)
    await workflow(own.id, { action: 'correct', note: 'Le chiffre exact est 2 %.' })
    expect((await verify(own.id)).problems).toEqual([])
    await workflow(own.id, { action: 'retract', note: 'Article retiré : source non fiable.' })
    const retracted = await verify(own.id)
    expect(retracted.problems).toEqual([])
    // Readers of a retracted article get no body; the manifest signs exactly that.
    expect(retracted.manifests.at(-1)!.content).toMatchObject({
      body: digestOf(null),
    })
    await workflow(own.id, { action: 'unpublish', note: 'Retiré du site.' })
    const stored = await storedChain(own.id)
    expect(stored.map((doc) => doc.event)).toEqual([
      'article.published',
      'article.corrected',
      'article.retracted',
      'article.unpublished',
    ])
    expect(stored.at(-1)!.manifest.content).toBeNull()
    // Anonymous readers no longer see the article, nor its chain; editors still do.
    expect((await chainOf(own.id)).status).toBe(404)
    const forEditor = await chainOf(own.id, suite.staff.editor.token)
    expect(forEditor.status).toBe(200)
    const verdict = await verifyProvenanceChain({
      entries: forEditor.body.manifests,
      keys: (await suite.newsroom.rest.get('/articles/provenance/keys')).body,
    })
    expect(verdict.problems).toEqual([])
    expect(verdict.manifests.map((m) => m.sequence)).toEqual([1, 2, 3, 4])
  })

  it('signs on every path that publishes: GraphQL, a bulk PATCH, a restored version, Payload’s scheduled publish job', async () => {
    const { make, world } = suite.basics
    const draft = (slug: string, data: Record<string, unknown> = {}) =>
      make.article({ section: world.id, slug: `${slug}-${run}`, ...data }, { draft: true })
    const lastEvent = async (id: number | string) => (await storedChain(id)).at(-1)?.event

    const viaGraphQL = await draft('graphql')
    const graphql = await suite.newsroom.graphql(
      /* GraphQL */ `
        mutation ($id: String!) {
          updateArticle(id: $id, data: { _status: published }) {
            id
          }
        }
      `,
      { token: suite.staff.editor.token, variables: { id: String(viaGraphQL.id) } },
    )
    expect(graphql.body.errors).toBeUndefined()
    expect(await lastEvent(viaGraphQL.id)).toBe('article.published')

    const tag = `lot-${run}`
    const bulk = await Promise.all([
      draft('lot-1', { tags: [tag] }),
      draft('lot-2', { tags: [tag] }),
    ])
    const patched = await suite.newsroom.rest.patch('/articles', {
      body: { _status: 'published' },
      query: { 'where[tags][contains]': tag },
      token: suite.staff.editor.token,
    })
    expect(patched.status, JSON.stringify(patched.body)).toBe(200)
    for (const article of bulk) expect(await lastEvent(article.id)).toBe('article.published')

    const restored = await make.article({
      _status: 'published',
      section: world.id,
      slug: `restauree-${run}`,
      title: `Titre d’origine ${run}`,
    })
    const [first] = await storedChain(restored.id)
    await suite.newsroom.payload.update({
      id: restored.id,
      collection: 'articles',
      data: { title: `Titre modifié ${run}` },
    })
    const answer = await suite.newsroom.rest.post(
      `/articles/versions/${first.manifest.article.version}`,
      {
        token: suite.staff.editor.token,
      },
    )
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    const afterRestore = await verify(restored.id)
    expect(afterRestore.problems).toEqual([])
    expect(afterRestore.manifests.map((m) => m.event)).toEqual([
      'article.published',
      'article.updated',
      'article.updated',
    ])
    expect(afterRestore.manifests.at(-1)!.content!.title).toBe(first.manifest.content.title)

    const scheduled = await draft('programmee')
    await suite.newsroom.payload.jobs.queue({
      input: { doc: { relationTo: 'articles', value: scheduled.id }, type: 'publish' },
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() - 1000),
    })
    await suite.newsroom.payload.jobs.run()
    expect(await lastEvent(scheduled.id)).toBe('article.published')
    expect((await verify(scheduled.id)).problems).toEqual([])
  })

  it('rolls a publication back when its manifest cannot be written', async () => {
    const draft = await suite.basics.make.article(
      { section: suite.basics.world.id, slug: `unwritable-${run}` },
      { draft: true },
    )
    const answer = await suite.newsroom.rest.patch(`/articles/${draft.id}`, {
      body: { _status: 'published' },
      token: suite.staff.editor.token,
    })
    expect(answer.status).toBe(503)
    const stored = await suite.newsroom.payload.findByID({
      id: draft.id,
      collection: 'articles',
      depth: 0,
    })
    expect([stored._status, stored.workflowState]).toEqual(['draft', 'draft'])
    expect(await storedChain(draft.id)).toEqual([])
    const events = await suite.newsroom.payload.find({
      collection: 'workflow-events',
      where: { article: { equals: draft.id } },
    })
    expect(events.totalDocs).toBe(0)
  })

  it('names the first mismatch when a body, a snapshot, a manifest, a signature or the order is tampered with', async () => {
    const { payload } = suite.newsroom
    const target = await suite.basics.syndicated({
      _status: 'published',
      slug: `falsifiee-${run}`,
    })
    await workflow(target.id, { action: 'correct', note: 'Précision sur la date.' })
    expect((await verify(target.id)).problems).toEqual([])
    const firstProblem = async () => (await verify(target.id)).problems[0]
    const stored = await storedChain(target.id)
    const original: Doc = await payload.findByID({
      id: target.id,
      collection: 'articles',
      depth: 0,
    })
    // Below the API, as someone with database access would: Payload's adapter, no hooks.
    const writeArticle = (data: Doc) =>
      payload.db.updateOne({ id: target.id, collection: 'articles', data })
    const writeManifest = (id: number | string, data: Doc) =>
      payload.db.updateOne({ id, collection, data })

    const body = structuredClone(original.body)
    body.root.children[0].children[0].text += '!'
    await writeArticle({ body })
    expect(await firstProblem()).toMatch(/^body: /)
    await writeArticle({ body: original.body })

    const snapshots = structuredClone(original.appliedDisclaimers)
    const texts = snapshots[0].texts.fr ?? Object.values(snapshots[0].texts)[0]
    texts.shortText = `${texts.shortText} `.replace(/.$/, 'x')
    await writeArticle({ appliedDisclaimers: snapshots })
    expect(await firstProblem()).toMatch(/^disclaimers\[0\] \(third-party-content\): the wording/)
    await writeArticle({ appliedDisclaimers: original.appliedDisclaimers })
    expect((await verify(target.id)).problems).toEqual([])

    const manifest = structuredClone(stored[1].manifest)
    manifest.content.title = manifest.content.title.replace(/.$/, (c: string) =>
      c === '0' ? '1' : '0',
    )
    await writeManifest(stored[1].id, { manifest })
    expect(await firstProblem()).toBe(
      'manifest 2: the stored manifest differs from the signed one at content.title',
    )
    await writeManifest(stored[1].id, { manifest: stored[1].manifest })

    const jws: string = stored[0].jws
    const [header, payloadPart, signature] = jws.split('.')
    const flipped = `${header}.${payloadPart}.${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`
    await writeManifest(stored[0].id, { jws: flipped })
    expect(await firstProblem()).toMatch(/^manifest 1: the signature does not verify/)
    await writeManifest(stored[0].id, { jws })

    // The chain's order: the two manifests swap places.
    await writeManifest(stored[0].id, { sequence: 100 })
    await writeManifest(stored[1].id, { sequence: 1 })
    await writeManifest(stored[0].id, { sequence: 2 })
    expect(await firstProblem()).toBe('manifest 1: out of order (its sequence number is 2)')
    await writeManifest(stored[1].id, { sequence: 100 })
    await writeManifest(stored[0].id, { sequence: 1 })
    await writeManifest(stored[1].id, { sequence: 2 })
    expect((await verify(target.id)).problems).toEqual([])
  })

  it('answers editors what readers were served at an instant, and packs the evidence', async () => {
    const target = await suite.basics.make.article({
      _status: 'published',
      section: suite.basics.world.id,
      slug: `a-l-instant-${run}`,
      title: `Première version ${run}`,
    })
    const beforeEdit = new Date().toISOString()
    await new Promise((resolve) => setTimeout(resolve, 20))
    await suite.newsroom.rest.patch(`/articles/${target.id}`, {
      body: { title: `Seconde version ${run}` },
      token: suite.staff.editor.token,
    })
    const asOf = (at: string, token = suite.staff.editor.token) =>
      suite.newsroom.rest.get(`/articles/${target.id}/as-of`, { query: { at }, token })
    const then = await asOf(beforeEdit)
    expect(then.status, JSON.stringify(then.body)).toBe(200)
    expect(then.body).toMatchObject({
      integrity: [],
      matches: { body: true, disclaimers: true, standfirst: true, title: true },
      public: true,
      version: { title: `Première version ${run}` },
    })
    expect(then.body.manifest.sequence).toBe(1)
    const now = await asOf(new Date().toISOString())
    expect(now.body.version.title).toBe(`Seconde version ${run}`)
    expect(now.body.manifest.event).toBe('article.updated')
    expect((await asOf('2001-01-01T00:00:00Z')).body).toMatchObject({
      manifest: null,
      public: false,
    })
    // Refusals: the public, a writer, and malformed instants.
    expect(
      (await suite.newsroom.rest.get(`/articles/${target.id}/as-of`, { query: { at: beforeEdit } }))
        .status,
    ).toBe(401)
    expect((await asOf(beforeEdit, suite.staff.writer.token)).status).toBe(403)
    for (const at of ['hier', '</script>', 'constructor', '\u0000', 'x'.repeat(10_000)]) {
      const refused = await asOf(at)
      expect(refused.status, at.slice(0, 20)).toBe(400)
      expect(refused.body.errors[0].data.errors[0].path).toBe('at')
    }

    const pack = await suite.newsroom.rest.get('/articles/provenance/evidence', {
      query: { from: beforeEdit },
      token: suite.staff.editor.token,
    })
    expect(pack.status).toBe(200)
    expect(pack.body.type).toBe('newsroom-evidence/1')
    const entry = pack.body.articles.find((a: Doc) => a.article === String(target.id))
    // The whole chain, so it verifies from its first link, though the first manifest is older than `from`.
    expect(entry.manifests).toHaveLength(2)
    const verdict = await verifyProvenanceChain({ entries: entry.manifests, keys: pack.body.keys })
    expect(verdict.problems).toEqual([])
    expect(
      (
        await suite.newsroom.rest.get('/articles/provenance/evidence', {
          query: { from: beforeEdit },
        })
      ).status,
    ).toBe(401)
  })

  it('keeps one unbroken chain when twenty editors edit the live article at once', async () => {
    const live = await suite.basics.make.article({
      _status: 'published',
      section: suite.basics.world.id,
      slug: `vingt-a-la-fois-${run}`,
    })
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        suite.newsroom.rest.patch(`/articles/${live.id}`, {
          body: { title: `Version ${index} ${run}` },
          token: suite.staff.editor.token,
        }),
      ),
    )
    expect(answers.filter((answer) => answer.status >= 500)).toEqual([])
    const accepted = answers.filter((answer) => answer.status === 200).length
    const stored = await storedChain(live.id)
    expect(stored.map((doc) => doc.sequence)).toEqual(
      Array.from({ length: 1 + accepted }, (_, index) => index + 1),
    )
    const verdict = await verify(live.id)
    expect(verdict.problems).toEqual([])
    // The last manifest signed the title readers now see.
    const current = await suite.newsroom.payload.findByID({ id: live.id, collection: 'articles' })
    expect(verdict.manifests.at(-1)!.content!.title).toBe(digestOf(current.title))
  })

  it('answers hostile evidence and as-of requests with a 4xx naming the parameter', async () => {
    const evidence = (query: Record<string, string>) =>
      suite.newsroom.rest.get('/articles/provenance/evidence', {
        query,
        token: suite.staff.editor.token,
      })
    for (const article of ['</script>', 'constructor', '\u0000', 'x'.repeat(500)]) {
      expect((await evidence({ article })).status, article.slice(0, 20)).toBe(404)
    }
    for (const [query, path] of [
      [{ from: 'javascript:alert(1)' }, 'from'],
      [{ from: '2026-01-01T00:00:00Z', to: 'demain' }, 'to'],
      [{}, 'from'],
    ] as const) {
      const answer = await evidence(query)
      expect(answer.status, JSON.stringify(query)).toBe(400)
      expect(answer.body.errors[0].data.errors[0].path).toBe(path)
    }
    const repeated = await suite.newsroom.rest.get(
      `/articles/${article.id}/as-of?at=2026-01-01T00:00:00Z&at=2027-01-01T00:00:00Z`,
      { token: suite.staff.editor.token },
    )
    expect(repeated.status).toBe(400)
  })

  it('keeps manifests append-only and refuses hostile article IDs', async () => {
    const [first] = await storedChain(article.id)
    await expect(
      suite.newsroom.payload.update({
        id: first.id,
        collection: collection as never,
        data: { event: 'article.deleted' } as never,
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      suite.newsroom.payload.delete({ id: first.id, collection: collection as never }),
    ).rejects.toMatchObject({ status: 403 })
    const created = await suite.newsroom.rest.post(`/${collection}`, {
      body: {
        articleRef: '1',
        event: 'x',
        issuedAt: new Date().toISOString(),
        jws: 'x',
        link: 'x',
        sequence: 9,
      },
      token: suite.staff.admin.token,
    })
    expect(created.status).toBe(403)
    for (const id of ['constructor', '__proto__', '%00', 'x'.repeat(200), '../users']) {
      const answer = await chainOf(encodeURIComponent(id))
      expect(answer.status, id.slice(0, 20)).toBe(404)
    }
    expect(await storedChain(article.id)).toHaveLength(1)
  })

  it('keeps old manifests verifiable after a key rotation', async () => {
    const rotated = await generateProvenanceKey('rotated')
    const { d: _private, ...oldPublic } = signingKey
    const other = await suite.newsroom.startAnotherInstance({
      newsroom: { provenance: { keys: { keys: [rotated, oldPublic] } } },
    })
    try {
      const edit = await other.update(suite.staff.editor.id, 'articles', article.id, {
        standfirst: 'Signé avec la nouvelle clé.',
      })
      expect(edit.status, JSON.stringify(edit.body)).toBe(200)
      const stored = await storedChain(article.id)
      expect(stored.map((doc) => doc.keyId)).toEqual([signingKey.kid, rotated.kid])
      const keys = await loadProvenanceKeys(other.payload)
      expect(keys.keys.map((key) => key.kid)).toEqual([rotated.kid, signingKey.kid])
      const entries = stored.map(({ jws, manifest }) => ({ jws, manifest }))
      expect((await verifyProvenanceChain({ entries, keys })).problems).toEqual([])
      // Without the old public key, the first manifest no longer verifies.
      const newOnly = { keys: keys.keys.filter((key) => key.kid === rotated.kid) }
      expect((await verifyProvenanceChain({ entries, keys: newOnly })).problems[0]).toMatch(
        /^manifest 1: the signature does not verify/,
      )
    } finally {
      await other.stop()
    }
  })

  it('npm run verify-provenance checks a chain over HTTP and an evidence pack file, and exits 1 naming the first mismatch', async () => {
    // The site over real HTTP on 127.0.0.1: the API's GETs, and the key set at its well-known path.
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1')
      const route =
        url.pathname === '/.well-known/newsroom-keys.json'
          ? '/articles/provenance/keys'
          : url.pathname.replace(/^\/api/, '')
      suite.newsroom.rest
        .get(route, { query: Object.fromEntries(url.searchParams) })
        .then((answer) => {
          response.writeHead(answer.status, { 'content-type': 'application/json' })
          response.end(JSON.stringify(answer.body))
        })
        .catch(() => response.writeHead(500).end())
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const verifier = async (...targets: string[]) => {
      try {
        const { stdout } = await promisify(execFile)(...verifierCommand(...targets), {
          cwd: projectRoot,
          timeout: 60_000,
        })
        return { code: 0, stdout }
      } catch (error) {
        const { code, stdout } = error as { code: number; stdout: string }
        return { code, stdout }
      }
    }
    try {
      const target = await suite.basics.syndicated({
        _status: 'published',
        slug: `verifiee-${run}`,
      })
      const url = `${origin}/api/articles/${target.id}/provenance`
      const good = await verifier(url)
      expect(good.stdout).toContain(
        `✓ article ${target.id}: 1 manifest(s), signatures and links hold, the public view is what the last one signed`,
      )
      expect(good.code).toBe(0)

      const original: Doc = await suite.newsroom.payload.findByID({
        id: target.id,
        collection: 'articles',
        depth: 0,
      })
      await suite.newsroom.payload.db.updateOne({
        id: target.id,
        collection: 'articles',
        data: { standfirst: `${original.standfirst ?? ''} (modifié)` },
      })
      const tampered = await verifier(url)
      expect(tampered.code).toBe(1)
      expect(tampered.stdout).toContain(
        "  - standfirst: the public view's standfirst is not the one signed",
      )

      const pack = await suite.newsroom.rest.get('/articles/provenance/evidence', {
        query: { article: String(target.id) },
        token: suite.staff.editor.token,
      })
      const file = path.join(projectRoot, '.tmp', `evidence-${run}-${Date.now()}.json`)
      await writeFile(file, JSON.stringify(pack.body))
      expect((await verifier(file)).code).toBe(0)
      pack.body.articles[0].manifests[0].manifest.disclaimers[0].version += 1
      await writeFile(file, JSON.stringify(pack.body))
      const forged = await verifier(file)
      expect(forged.code).toBe(1)
      expect(forged.stdout).toContain(
        '  - manifest 1: the stored manifest differs from the signed one at disclaimers[0].version',
      )
      await rm(file, { force: true })
    } finally {
      server.close()
    }
  })
})
