import type { PayloadRequest } from 'payload'
import type { ProfilePage, WithContext } from 'schema-dts'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { isValidSlug } from '../utilities/formatSlug.ts'
import { keepRequestLocale } from '../utilities/keepRequestLocale.ts'
import { findDocuments } from '../utilities/typedLocalApi.ts'
import { type AuthorProfile, toAuthorPageJsonLd } from './jsonLd.ts'
import {
  feedCardSelect,
  type FeedPage,
  feedPageOf,
  listedArticlesWhere,
  loadFeedCards,
  pageOfList,
} from './loadFeed.ts'

/** An author page: who the person is, their published articles in the language (newest first), its JSON-LD. */
export type AuthorPage = {
  articles: FeedPage
  author: AuthorProfile
  jsonLd: WithContext<ProfilePage>
}

type Person = {
  authorSlug: string
  bio?: null | string
  id: number | string
  jobTitle?: null | string
  name?: null | string
}

/**
 * An author page in a language, for the request's user: the person whose `authorSlug` this is, and a
 * page of the articles they sign that the user may read (the public: published, not retracted).
 * Users are not public records: only the public fields are read (name, job title, biography; no
 * fallback from another language), and only of someone with an article here, so the page tells
 * nothing of staff who never published in the language (null: not found).
 */
export const loadAuthorPage = keepRequestLocale(
  async (
    req: PayloadRequest,
    options: ResolvedNewsroomOptions,
    given: { language: string; limit?: unknown; page?: unknown; slug: string },
    now = new Date(),
  ): Promise<AuthorPage | null> => {
    const { language, slug } = given
    if (!options.languages.includes(language) || !isValidSlug(slug)) {
      return null
    }
    const { docs: people } = await findDocuments<Person>(req.payload, {
      collection: options.collections.users.slug,
      depth: 0,
      fallbackLocale: false,
      limit: 1,
      locale: language,
      overrideAccess: true,
      pagination: false,
      req,
      select: { authorSlug: true, bio: true, jobTitle: true, name: true },
      where: { authorSlug: { equals: slug } },
    })
    const person = people[0]
    if (!person?.name) {
      return null
    }
    const { limit, page } = pageOfList(options, given)
    const found = await req.payload.find({
      collection: options.collections.articles.slug,
      depth: 0,
      joins: false,
      limit,
      overrideAccess: false,
      page,
      req,
      select: feedCardSelect,
      sort: '-publishedAt',
      where: {
        and: [...listedArticlesWhere(language), { 'byline.authors': { in: [person.id] } }],
      },
    })
    if (found.totalDocs === 0) {
      return null
    }
    const author: AuthorProfile = {
      bio: person.bio || null,
      jobTitle: person.jobTitle || null,
      name: person.name,
      page: options.frontend.authorPagePath(language, person.authorSlug),
      slug: person.authorSlug,
    }
    return {
      articles: feedPageOf(await loadFeedCards(req, options, language, found.docs, now), {
        limit,
        page,
        totalDocs: found.totalDocs,
      }),
      author,
      jsonLd: toAuthorPageJsonLd(author, language, options.frontend),
    }
  },
)
