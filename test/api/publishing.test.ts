import { spawnSync } from 'node:child_process'
import { createLocalReq } from 'payload'
import { pluginOptionsOf } from 'payload-newsroom/rules'
import { inTransaction, runWorkflowAction } from 'payload-newsroom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { projectRoot } from '../testDatabase'
import { fixtures } from '../helpers/fixtures'
import { startNewsroom, type TestNewsroom } from '../helpers/newsroom'
import { createStaff, publishedVersion } from '../helpers/newsroomData'

/** Publishing with the default options: auto-attach, the snapshot, and the compliance check. */
describe('publishing syndicated articles', () => {
  let newsroom: TestNewsroom
  let make: ReturnType<typeof fixtures>
  let staff: Awaited<ReturnType<typeof createStaff>>
  let d: Record<string, { id: number | string } & Record<string, any>>
  let sources: Record<string, { id: number | string }>
  let sections: Record<string, { id: number | string }>

  beforeAll(async () => {
    newsroom = await startNewsroom()
    make = fixtures(newsroom.payload)
    staff = await createStaff(newsroom.payload, newsroom.rest.login)
    d = {
      aiGlobal: await make.disclaimer({ key: 'ai-generated', kind: 'ai-generated', title: 'IA' }),
      nfaSection: await make.disclaimer({
        kind: 'not-financial-advice',
        title: 'Pas un conseil (rubrique)',
      }),
      tpGlobal: await make.disclaimer({
        key: 'third-party-content',
        kind: 'third-party',
        title: 'Tiers (global)',
      }),
      tpSection: await make.disclaimer({ kind: 'third-party', title: 'Tiers (rubrique)' }),
      tpSource: await make.disclaimer({ kind: 'third-party', title: 'Tiers (source)' }),
    }
    await newsroom.payload.update({
      id: d.tpGlobal!.id,
      collection: 'disclaimers',
      data: {
        shortText: 'This article may include third-party content.',
        title: 'Third-party content',
      },
      locale: 'en',
    })
    d.tpGlobal = await newsroom.payload.findByID({
      id: d.tpGlobal!.id,
      collection: 'disclaimers',
      locale: 'all' as never,
    })
    sources = {
      plain: await make.source({ creditLine: 'Flux Simple' }),
      withDefault: await make.source({
        creditLine: 'Agence Horizon',
        defaultDisclaimers: [d.tpSource!.id],
      }),
    }
    sections = {
      markets: await make.section({
        defaultDisclaimers: [d.nfaSection!.id, d.tpSection!.id],
        name: 'Marchés',
        requiredDisclaimerKinds: ['not-financial-advice'],
      }),
      world: await make.section({ name: 'Monde' }),
    }
  })
  afterAll(async () => {
    await newsroom?.stop()
  })

  let item = 0
  const syndicatedDraft = (
    source: { id: number | string },
    section: { id: number | string },
    extra: Record<string, any> = {},
  ) =>
    make.article(
      {
        attribution: {
          originalUrl: 'https://wire.example/a',
          source: source.id,
          sourceItemId: `p-${++item}`,
        },
        origin: 'syndicated',
        section: section.id,
        ...extra,
      },
      { draft: true },
    )
  const publish = (id: number | string, token = staff.editor.token) =>
    newsroom.rest.patch(`/articles/${id}`, { body: { _status: 'published' }, token })

  describe('auto-attach', () => {
    it('fills each required kind from the source, then the section, then the plugin default', async () => {
      const draft = await syndicatedDraft(sources.withDefault!, sections.markets!, {
        aiDisclosure: { level: 'generated' },
      })
      const response = await publish(draft.id)
      expect(response.status).toBe(200)
      expect(response.body.doc.disclaimers.map((item: any) => item.id ?? item)).toEqual([
        d.tpSource!.id, // third-party: the source's default wins over the section's and the global one
        d.nfaSection!.id, // the section requires not-financial-advice: its default
        d.aiGlobal!.id, // unreviewed AI-generated text: only the plugin default exists
      ])
    })

    it('falls back to the section, then to the plugin default, when the source has none', async () => {
      const inMarkets = await syndicatedDraft(sources.plain!, sections.markets!)
      expect(
        (await publish(inMarkets.id)).body.doc.disclaimers.map((item: any) => item.id ?? item),
      ).toEqual([d.tpSection!.id, d.nfaSection!.id])
      const inWorld = await syndicatedDraft(sources.plain!, sections.world!)
      expect(
        (await publish(inWorld.id)).body.doc.disclaimers.map((item: any) => item.id ?? item),
      ).toEqual([d.tpGlobal!.id])
    })

    it('needs no AI disclaimer once a human review is recorded', async () => {
      const draft = await syndicatedDraft(sources.plain!, sections.world!, {
        aiDisclosure: {
          level: 'generated',
          reviewedAt: '2026-11-27T10:00:00.000Z',
          reviewedBy: staff.editor.id,
        },
      })
      const response = await publish(draft.id)
      expect(response.body.doc.disclaimers.map((item: any) => item.id ?? item)).toEqual([
        d.tpGlobal!.id,
      ])
    })
  })

  describe('the snapshot', () => {
    it('records the exact wording, version and hash shown, with when and by whom', async () => {
      const draft = await syndicatedDraft(sources.plain!, sections.world!)
      await publish(draft.id)
      // The public sees the wording it was shown (the view renders the snapshot), not who applied it.
      const publicSnapshot = (await publishedVersion(newsroom.payload, draft.id))
        ?.appliedDisclaimers as any[]
      expect(publicSnapshot.map((applied) => [applied.key, applied.appliedBy])).toEqual([
        ['third-party-content', undefined],
      ])
      const live = await publishedVersion(newsroom.payload, draft.id, { internal: true })
      expect(live?.appliedDisclaimers).toEqual([
        expect.objectContaining({
          appliedAt: expect.any(String),
          appliedBy: staff.editor.id,
          contentHash: d.tpGlobal!.contentHash.fr,
          disclaimer: d.tpGlobal!.id,
          key: 'third-party-content',
          kind: 'third-party',
          texts: {
            en: expect.objectContaining({
              shortText: 'This article may include third-party content.',
              title: 'Third-party content',
            }),
            fr: expect.objectContaining({
              shortText: d.tpGlobal!.shortText.fr,
              title: 'Tiers (global)',
            }),
          },
          version: d.tpGlobal!.version,
        }),
      ])
    })

    it('leaves the request in its own locale, for the hooks of other plugins that run after it (plugin-search indexes in req.locale)', async () => {
      const draft = await syndicatedDraft(sources.plain!, sections.world!)
      const trusted = await createLocalReq({ locale: 'en' }, newsroom.payload)
      const before = [trusted.locale, trusted.fallbackLocale]
      await newsroom.payload.update({
        id: draft.id,
        collection: 'articles',
        data: { _status: 'published' } as never,
        req: trusted,
      })
      expect([trusted.locale, trusted.fallbackLocale]).toEqual(before)
      const editor = await newsroom.payload.findByID({ collection: 'users', id: staff.editor.id })
      const req = await createLocalReq(
        { locale: 'en', user: { ...editor, collection: 'users' } as never },
        newsroom.payload,
      )
      // Re-publishing unchanged content first reads the snapshot's disclaimers in every locale (then refuses: 409).
      const again = inTransaction(req, () =>
        runWorkflowAction(req, pluginOptionsOf(newsroom.payload.config), {
          action: 'publish',
          id: draft.id,
        }),
      )
      await expect(again).rejects.toMatchObject({ status: 409 })
      expect([req.locale, req.fallbackLocale]).toEqual(before)
    })

    it('cannot be written by users, and a re-publish after a wording change records the new version', async () => {
      const draft = await syndicatedDraft(sources.plain!, sections.world!)
      const forged = await newsroom.rest.patch(`/articles/${draft.id}`, {
        body: { _status: 'published', appliedDisclaimers: [{ key: 'forged', version: 99 }] },
        token: staff.editor.token,
      })
      expect(forged.body.doc.appliedDisclaimers.map((applied: any) => applied.key)).toEqual([
        'third-party-content',
      ])

      const versionBefore = forged.body.doc.appliedDisclaimers[0].version
      await newsroom.payload.update({
        id: d.tpGlobal!.id,
        collection: 'disclaimers',
        data: {
          shortText: 'Contenu de tiers, fourni à titre d’information uniquement (texte révisé).',
        },
        locale: 'fr',
      })
      const republished = await publish(draft.id)
      expect(republished.body.doc.appliedDisclaimers[0]).toMatchObject({
        texts: {
          fr: {
            shortText: 'Contenu de tiers, fourni à titre d’information uniquement (texte révisé).',
          },
        },
        version: versionBefore + 1,
      })
    })
  })

  describe('the compliance check', () => {
    it('reports published articles that break the rules, or show an outdated disclaimer, to editors only', async () => {
      // Valid when published, expired a moment later: data made invalid by time, not by a write.
      const shortLived = await make.disclaimer({
        effectiveTo: new Date(Date.now() + 1500).toISOString(),
        kind: 'third-party',
      })
      const expiring = await syndicatedDraft(sources.plain!, sections.world!, {
        disclaimers: [shortLived.id],
      })
      expect((await publish(expiring.id)).status).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, 1600))

      const outdated = await syndicatedDraft(sources.plain!, sections.world!, {
        disclaimers: [d.tpSection!.id],
      })
      await publish(outdated.id)
      await newsroom.payload.update({
        id: d.tpSection!.id,
        collection: 'disclaimers',
        data: { shortText: 'Texte modifié après publication.' },
        locale: 'fr',
      })

      expect((await newsroom.rest.get('/articles/compliance')).status).toBe(401)
      expect(
        (await newsroom.rest.get('/articles/compliance', { token: staff.writer.token })).status,
      ).toBe(403)
      const report = await newsroom.rest.get('/articles/compliance', { token: staff.editor.token })
      expect(report.status).toBe(200)
      const byID = new Map(report.body.findings.map((finding: any) => [finding.id, finding]))
      expect((byID.get(expiring.id) as any)?.problems).toEqual([
        expect.objectContaining({
          code: 'disclaimerInvalid',
          kind: 'third-party',
          path: 'disclaimers',
        }),
      ])
      expect((byID.get(outdated.id) as any)?.problems).toEqual([
        expect.objectContaining({ code: 'snapshotOutdated', path: 'appliedDisclaimers' }),
      ])

      // The check records the count, which the admin's "published with problems" filter queries…
      const flagged = await newsroom.rest.get('/articles', {
        query: { 'where[complianceProblems][greater_than]': '0', limit: '100' },
        token: staff.editor.token,
      })
      expect(flagged.body.docs.map((doc: any) => doc.id)).toEqual(
        expect.arrayContaining([expiring.id, outdated.id]),
      )
      // …and publishing again (with a current disclaimer) clears it.
      const republished = await newsroom.rest.patch(`/articles/${outdated.id}`, {
        body: { _status: 'published' },
        token: staff.editor.token,
      })
      expect(republished.body.doc.complianceProblems).toBe(0)
    })

    it('npm run compliance exits non-zero and names the articles', () => {
      const run = spawnSync(
        process.execPath,
        [
          '--no-deprecation',
          '--conditions=development',
          '--import',
          'tsx',
          'scripts/compliance.ts',
        ],
        {
          cwd: projectRoot,
          encoding: 'utf8',
          env: {
            ...process.env,
            DATABASE_URI: newsroom.databaseUrl,
            NEWSROOM_DATABASE_ANNOUNCED: '1',
          },
          timeout: 60_000,
        },
      )
      expect(run.status).toBe(1)
      expect(run.stdout).toMatch(/compliance: \d+ published article\(s\) with problems/)
      expect(run.stdout).toMatch(
        /disclaimers: The “Third-party content” disclaimer attached is not approved or not in effect/,
      )
    })
  })
})
