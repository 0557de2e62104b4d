import type { Metadata } from 'next'

import config from '@payload-config'
import { notFound } from 'next/navigation'
import { createLocalReq, getPayload } from 'payload'
import { cmsOrigin, formatPublishedAt, pluginOptionsOf } from 'payload-newsroom/rules'
import { loadPublicCorrections } from 'payload-newsroom/server'

import { pageText } from '../../ArticleContent'

type Props = { params: Promise<{ lang: string }> }

export const dynamic = 'force-dynamic'

/** The public list, its feeds' URLs, or null where the plugin serves no list at this path. */
const load = async (lang: string) => {
  const payload = await getPayload({ config })
  const options = pluginOptionsOf(payload.config)
  if (options.frontend.correctionsPagePath(lang) !== `/${lang}/corrections`) return null
  const list = await loadPublicCorrections(await createLocalReq({}, payload), options, lang)
  // Absolute, as feed readers and the head's alternate links need them: where the CMS answers.
  const origin = cmsOrigin(payload.config.serverURL, options.frontend)
  const feeds = `${origin}${payload.config.routes.api}/${options.collections.articles.slug}/corrections/${lang}`
  return list && { feeds, list, timeZone: options.frontend.timeZone }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load((await params).lang)
  if (!loaded) return {}
  return {
    alternates: {
      types: {
        'application/atom+xml': `${loaded.feeds}/atom`,
        'application/rss+xml': `${loaded.feeds}/rss`,
      },
    },
    title: loaded.list.title,
  }
}

/**
 * Every correction, clarification and retraction in a language, newest first, each naming its
 * article and date, with RSS and Atom feeds of the same list (`loadPublicCorrections`).
 */
export default async function CorrectionsPage({ params }: Props) {
  const loaded = await load((await params).lang)
  if (!loaded) notFound()
  const { feeds, list, timeZone } = loaded
  const t = pageText(list.language)
  return (
    <main lang={list.language}>
      <h1>{list.title}</h1>
      <p className="meta">
        <a href={`${feeds}/rss`} type="application/rss+xml">
          RSS
        </a>{' '}
        ·{' '}
        <a href={`${feeds}/atom`} type="application/atom+xml">
          Atom
        </a>
      </p>
      {list.entries.length === 0 ? (
        <p>{t.correctionsPageEmpty}</p>
      ) : (
        <ol className="corrections" data-testid="corrections">
          {list.entries.map((entry) => (
            <li key={`${entry.article.id}-${entry.at}-${entry.text}`}>
              <p className="meta">
                {entry.typeLabel}
                {entry.at ? (
                  <>
                    {' · '}
                    <time dateTime={entry.at}>
                      {formatPublishedAt(entry.at, list.language, timeZone)}
                    </time>
                  </>
                ) : null}
              </p>
              <h2>
                <a href={entry.article.url}>{entry.article.title}</a>
              </h2>
              <p>{entry.text}</p>
            </li>
          ))}
        </ol>
      )}
    </main>
  )
}
