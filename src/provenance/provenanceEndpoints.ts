import type { Endpoint, Payload, PayloadRequest, Where } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { hasAnyRole } from '../users/roles.ts'
import { refusal } from '../utilities/refusal.ts'
import { badRequest, searchParam } from '../utilities/searchParams.ts'
import { isWellFormedID } from '../utilities/documentValue.ts'
import { pluginOptionsOf } from '../utilities/pluginOptions.ts'
import {
  digestOf,
  manifestDisclaimersOf,
  type ProvenanceManifest,
  readerTextOf,
} from '../rules/provenanceRules.ts'
import { verifyProvenanceChain } from '../rules/provenanceVerification.ts'
import { provenanceSigner } from './provenanceKeys.ts'

type Doc = Record<string, any>

/** Where the public key set is served on the site (the demo's route; a host adds its own). */
export const provenanceKeysPath = '/.well-known/newsroom-keys.json'
/** Manifests one evidence pack may hold: a wider range is refused (narrow it). */
export const maxEvidenceManifests = 5_000

/** The public key set of a Payload app's manifests (`{ keys: [...] }`), for its well-known route. */
export const loadProvenanceKeys = async (payload: Payload) =>
  (await provenanceSigner(payload, pluginOptionsOf(payload.config))).keySet

const requireEditor = (req: PayloadRequest) => {
  if (!hasAnyRole(req.user, ['admin', 'editor'])) {
    throw refusal(req.t('error:unauthorized'), req.user ? 403 : 401)
  }
}

const articleIDOf = (req: PayloadRequest, id: unknown) => {
  const given = String(id ?? '')
  if (given.length > 100 || !isWellFormedID(req.payload, given)) {
    throw refusal(req.t('error:notFound'), 404, 'id')
  }
  return given
}

/** `?name=` as an instant, or null when absent; anything else is a 400 naming it. */
const instantParam = (req: PayloadRequest, name: string): Date | null => {
  const given = searchParam(req, name)
  if (given === undefined) {
    return null
  }
  const at = given.length <= 40 ? new Date(given) : new Date(Number.NaN)
  if (Number.isNaN(at.getTime())) {
    badRequest(name, `${name} must be an ISO 8601 instant, such as 2026-12-07T10:42:00Z.`)
  }
  return at
}

/** An article's chain as stored, in order (up to `until` when given). */
const findChain = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  articleRefs: string[],
  until?: Date,
) => {
  const where: Where = { articleRef: { in: articleRefs } }
  const { docs } = await req.payload.find({
    collection: options.collections.provenance.slug,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { articleRef: true, jws: true, manifest: true, sequence: true },
    sort: 'sequence',
    where: until ? { and: [where, { issuedAt: { less_than_equal: until.toISOString() } }] } : where,
  })
  return (docs as Doc[]).map((doc) => ({
    articleRef: String(doc.articleRef),
    jws: String(doc.jws),
    manifest: doc.manifest as ProvenanceManifest,
  }))
}

const chainEntries = (chain: { jws: string; manifest: ProvenanceManifest }[]) =>
  chain.map(({ jws, manifest }) => ({ jws, manifest }))

const apiBase = (req: PayloadRequest, options: ResolvedNewsroomOptions) =>
  `${req.payload.config.routes.api}/${options.collections.articles.slug}`

/** What the public and editors ask of provenance (docs/provenance.md). */
export const provenanceEndpoints = (options: ResolvedNewsroomOptions): Endpoint[] => [
  {
    // The chain of an article the asker may read: the public, a published or retracted one.
    handler: async (req) => {
      options.rateLimit.checkPublicRead(req)
      const id = articleIDOf(req, req.routeParams?.id)
      const article = await req.payload.findByID({
        id,
        collection: options.collections.articles.slug,
        depth: 0,
        disableErrors: true,
        overrideAccess: false,
        req,
        select: { _status: true, language: true, slug: true },
      })
      const editor = hasAnyRole(req.user, ['admin', 'editor'])
      const chain = article || editor ? await findChain(req, options, [id]) : []
      if (chain.length === 0) {
        throw refusal(req.t('error:notFound'), 404, 'id')
      }
      const base = apiBase(req, options)
      return Response.json(
        {
          article: id,
          keys: `${base}/provenance/keys`,
          manifests: chainEntries(chain),
          view:
            article?._status === 'published'
              ? `${base}/view/${encodeURIComponent(String(article.language))}/${encodeURIComponent(String(article.slug))}`
              : null,
        },
        { headers: { 'Cache-Control': req.user ? 'private, no-store' : 'public, max-age=60' } },
      )
    },
    method: 'get',
    path: '/:id/provenance',
  },
  {
    handler: async (req) => {
      options.rateLimit.checkPublicRead(req)
      return Response.json(await loadProvenanceKeys(req.payload), {
        headers: { 'Cache-Control': 'public, max-age=300' },
      })
    },
    method: 'get',
    path: '/provenance/keys',
  },
  {
    // What readers were served at an instant: the manifest in force then and the version it signed.
    handler: async (req) => {
      requireEditor(req)
      const id = articleIDOf(req, req.routeParams?.id)
      const at = instantParam(req, 'at') ?? badRequest('at', 'at is required.')
      const chain = await findChain(req, options, [id], at)
      const verdict = await verifyProvenanceChain({
        articleID: id,
        entries: chainEntries(chain),
        keys: (await provenanceSigner(req.payload, options)).keySet,
      })
      const manifest = chain.at(-1)?.manifest ?? null
      const base = { article: id, at: at.toISOString(), integrity: verdict.problems, manifest }
      if (!manifest?.content) {
        return Response.json({ ...base, public: false, version: null })
      }
      const found = manifest.article.version
        ? await req.payload.findVersionByID({
            id: manifest.article.version,
            collection: options.collections.articles.slug,
            depth: 0,
            disableErrors: true,
            overrideAccess: true,
            req,
          })
        : null
      const version = found?.version as Doc | undefined
      if (!version) {
        // Versions beyond `maxVersionsPerArticle` are pruned; the manifest still says what was signed.
        return Response.json({ ...base, public: true, version: null, versionPruned: true })
      }
      const language = String(version.language ?? manifest.article.language ?? '')
      const text = readerTextOf(version)
      const shown = manifestDisclaimersOf(version, language)
      return Response.json({
        ...base,
        matches: {
          body: digestOf(text.body) === manifest.content.body,
          disclaimers:
            JSON.stringify(shown.map((d) => [d.key, d.shown])) ===
            JSON.stringify(manifest.disclaimers.map((d) => [d.key, d.shown])),
          standfirst: digestOf(text.standfirst) === manifest.content.standfirst,
          title: digestOf(text.title) === manifest.content.title,
        },
        public: true,
        version: {
          id: found!.id,
          ...text,
          disclaimers: version.appliedDisclaimers ?? [],
          images: version.appliedImages ?? [],
          updatedAt: version.updatedAt ?? null,
        },
      })
    },
    method: 'get',
    path: '/:id/as-of',
  },
  {
    // The signed manifests of one article, or of every article published in a range, with the keys.
    handler: async (req) => {
      requireEditor(req)
      const given = searchParam(req, 'article')
      const from = instantParam(req, 'from')
      const to = instantParam(req, 'to')
      let refs: string[]
      if (given !== undefined) {
        refs = [articleIDOf(req, given)]
      } else {
        if (!from) {
          badRequest('from', 'Give an article, or a range with from (and to).')
        }
        const where: Where = {
          and: [
            { issuedAt: { greater_than_equal: from!.toISOString() } },
            ...(to ? [{ issuedAt: { less_than_equal: to.toISOString() } }] : []),
          ],
        }
        const collection = options.collections.provenance.slug
        const { totalDocs } = await req.payload.count({
          collection,
          overrideAccess: true,
          req,
          where,
        })
        if (totalDocs > maxEvidenceManifests) {
          badRequest(
            'from',
            `The range holds more than ${maxEvidenceManifests} manifests: narrow it.`,
          )
        }
        const { docs } = await req.payload.find({
          collection,
          depth: 0,
          overrideAccess: true,
          pagination: false,
          req,
          select: { articleRef: true },
          where,
        })
        refs = [...new Set((docs as Doc[]).map((doc) => String(doc.articleRef)))]
      }
      // Each article's whole chain up to the range's end, so it verifies from its first link.
      const articles = new Map<string, ReturnType<typeof chainEntries>>()
      for (let start = 0; start < refs.length; start += 100) {
        for (const entry of await findChain(
          req,
          options,
          refs.slice(start, start + 100),
          to ?? undefined,
        )) {
          articles.set(entry.articleRef, [...(articles.get(entry.articleRef) ?? []), entry])
        }
      }
      return Response.json(
        {
          articles: [...articles].map(([article, chain]) => ({
            article,
            manifests: chainEntries(chain),
          })),
          generatedAt: new Date().toISOString(),
          keys: (await provenanceSigner(req.payload, options)).keySet,
          range:
            given === undefined
              ? { from: from!.toISOString(), to: to?.toISOString() ?? null }
              : null,
          type: 'newsroom-evidence/1',
        },
        {
          headers: {
            'Cache-Control': 'private, no-store',
            'Content-Disposition': 'attachment; filename="newsroom-evidence.json"',
          },
        },
      )
    },
    method: 'get',
    path: '/provenance/evidence',
  },
]
