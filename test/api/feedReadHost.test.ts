import { describe, expect, it } from 'vitest'

import { newsroomSuite } from '../helpers/newsroomSuite'

/**
 * A host that adds its own read behaviour to articles (a collection `afterRead` hook, a field read
 * rule) keeps it on the public feed: the feed then reads through the Local API, never straight
 * from the adapter (see `readFeedDirectly`).
 */
describe('the public feed in a host with its own article read rules', () => {
  const suite = newsroomSuite({
    newsroom: {
      collections: {
        articles: {
          overrides: (collection) => ({
            ...collection,
            fields: collection.fields.map((field) =>
              'name' in field && field.name === 'standfirst' && field.type === 'textarea'
                ? { ...field, access: { ...field.access, read: ({ req }) => Boolean(req.user) } }
                : field,
            ),
            hooks: {
              ...collection.hooks,
              afterRead: [
                ...(collection.hooks?.afterRead ?? []),
                ({ doc }) => ({ ...doc, title: `[host] ${doc.title}` }),
              ],
            },
          }),
        },
      },
    },
  })

  it('applies the host’s read hook and field rule to every card, on every request', async () => {
    const { syndicated, thirdParty } = suite.basics
    const article = await syndicated({
      _status: 'published',
      disclaimers: [thirdParty.id],
      standfirst: 'Réservé aux abonnés',
      title: 'Dépêche',
    })
    const stored = await suite.newsroom.payload.db.findOne<
      { id: number | string } & Record<string, any>
    >({
      collection: 'articles',
      where: { id: { equals: article.id } },
    })
    expect(stored).toMatchObject({ standfirst: 'Réservé aux abonnés', title: 'Dépêche' })
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await suite.newsroom.rest.get('/articles/feed/fr')
      expect(answer.status).toBe(200)
      expect(answer.body.docs).toEqual([
        expect.objectContaining({ standfirst: null, title: '[host] Dépêche' }),
      ])
    }
  })
})
