import type { ArticleView, ResolvedNewsroomOptions } from 'payload-newsroom'

import { RichText } from '@payloadcms/richtext-lexical/react'
import { formatPublishedAt, jsonLdScriptText, translations } from 'payload-newsroom/rules'
import { CommentBox } from 'payload-newsroom/client'

type ImageView = NonNullable<ArticleView['featuredImage']>
type Author = ArticleView['byline']['authors'][number]

/** "By {{names}}" with each name linked to its author page, where the author has one. */
function bylineWithNames(template: string, authors: Author[]) {
  const [before, after = ''] = template.split('{{names}}')
  return (
    <>
      {before}
      {authors.map((author, index) => (
        <span key={String(author.id)}>
          {index > 0 ? ', ' : null}
          {author.page ? <a href={author.page}>{author.name}</a> : author.name}
        </span>
      ))}
      {after}
    </>
  )
}

/** An image with its alt text, its sizes for the browser to choose from, its caption and its credit. */
function Figure({
  image,
  priority = false,
  sizes,
}: {
  image: ImageView
  priority?: boolean
  sizes: string
}) {
  return (
    <figure className="figure" data-testid="figure">
      <img
        alt={image.alt}
        decoding="async"
        height={image.height ?? undefined}
        loading={priority ? 'eager' : 'lazy'}
        sizes={sizes}
        src={image.sizes.article?.url ?? image.url}
        srcSet={image.srcset}
        width={image.width ?? undefined}
      />
      {image.caption || image.credit ? (
        <figcaption>
          {image.caption}
          {image.caption && image.credit ? ' ' : null}
          {image.credit ? (
            <span className="credit" data-testid="credit">
              {image.credit}
            </span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  )
}

export const pageText = (language: string) =>
  ((translations as Record<string, typeof translations.en>)[language] ?? translations.en).newsroom

/**
 * An article as the reference site shows it, from the plugin's view: the public page and the editors'
 * preview render the same thing. `jsonLd` only for a published page; `notice` above it (the preview's).
 */
export function ArticleContent({
  jsonLd,
  notice,
  options,
  view,
}: {
  jsonLd?: null | object
  notice?: string
  options: ResolvedNewsroomOptions
  view: ArticleView
}) {
  const t = pageText(view.language)
  const published = view.publishedAt
    ? formatPublishedAt(view.publishedAt, view.language, options.frontend.timeZone)
    : null

  return (
    <main lang={view.language}>
      {notice ? (
        <p className="preview-notice" role="status">
          {notice}
        </p>
      ) : null}
      {jsonLd ? (
        <script
          dangerouslySetInnerHTML={{ __html: jsonLdScriptText(jsonLd) }}
          type="application/ld+json"
        />
      ) : null}
      <article>
        {view.section ? <p className="kicker">{view.section.name}</p> : null}
        <h1>{view.title}</h1>
        {view.standfirst ? <p className="standfirst">{view.standfirst}</p> : null}
        <p className="byline" data-testid="byline">
          {view.byline.automated
            ? `${t.pageByline.replace('{{names}}', view.byline.automated.label)} · ${view.byline.automated.disclosure}`
            : bylineWithNames(t.pageByline, view.byline.authors)}
        </p>
        {published ? (
          <p className="meta" data-testid="published-at">
            {t.pagePublished} {published}
          </p>
        ) : null}
        {view.featuredImage ? (
          <Figure image={view.featuredImage} priority sizes="(max-width: 720px) 100vw, 720px" />
        ) : null}

        {view.retracted ? (
          <div className="retraction" role="alert">
            <strong>{t.pageRetracted}</strong> {view.retracted.notice}
          </div>
        ) : null}

        {view.summary.status !== 'none' ? (
          <section aria-label={t.pageSummary} className="summary">
            <strong>{t.pageSummary}</strong>
            <p data-testid="summary">{view.summary.text ?? view.summary.statusLabel}</p>
          </section>
        ) : null}

        {view.body ? (
          <RichText
            converters={({ defaultConverters }) => ({
              ...defaultConverters,
              // Body images by reference: the view carries each one with its texts and credit.
              upload: ({ node }: { node: { value: unknown } }) => {
                const id =
                  typeof node.value === 'object' && node.value !== null
                    ? (node.value as { id?: unknown }).id
                    : node.value
                const image = view.bodyImages.find((entry) => String(entry.id) === String(id))
                return image ? (
                  <Figure image={image} sizes="(max-width: 720px) 100vw, 720px" />
                ) : null
              },
            })}
            data={view.body as never}
          />
        ) : null}

        {view.attribution?.originalUrl ? (
          <a
            className="original"
            data-testid="view-original"
            href={view.attribution.originalUrl}
            rel="noopener nofollow"
            target="_blank"
          >
            {view.attribution.viewOriginalLabel}
          </a>
        ) : null}
        {view.attribution?.creditText ? (
          <p className="meta">{view.attribution.creditText}</p>
        ) : null}
        {view.basedOn ? (
          <p className="meta" data-testid="based-on">
            {view.basedOn.label}{' '}
            <a href={view.basedOn.originalUrl} rel="noopener nofollow" target="_blank">
              {view.basedOn.source?.name ?? view.basedOn.originalUrl}
            </a>
          </p>
        ) : null}

        {view.corrections.filter((entry) => entry.type !== 'retraction').length > 0 ? (
          <section className="corrections">
            <h2>{t.pageCorrections}</h2>
            {view.corrections
              .filter((entry) => entry.type !== 'retraction')
              .map((entry) => (
                <p key={`${entry.at}-${entry.text}`}>{entry.text}</p>
              ))}
          </section>
        ) : null}

        {view.correctionsPage ? (
          <p className="meta">
            <a data-testid="corrections-page" href={view.correctionsPage}>
              {t.correctionsPageLink}
            </a>
          </p>
        ) : null}

        {view.disclaimers.map((disclaimer) => (
          <aside className="disclaimer" data-testid="disclaimer" key={disclaimer.key}>
            <p>{disclaimer.text}</p>
            {disclaimer.fullPageUrl ? (
              <a href={disclaimer.fullPageUrl}>{t.pageDisclaimerLink}</a>
            ) : null}
          </aside>
        ))}

        {view.provenance ? (
          <p className="meta">
            <a data-testid="provenance" href={view.provenance} rel="nofollow">
              {t.provenancePageLink}
            </a>
          </p>
        ) : null}

        {view.translations.length > 0 ? (
          <nav className="meta">
            {t.pageTranslations}:{' '}
            {view.translations.map((translation) => (
              <a
                hrefLang={translation.language}
                href={options.frontend.articlePath(translation.language, translation.slug)}
                key={translation.slug}
              >
                {translation.title} ({translation.language.toUpperCase()})
              </a>
            ))}
          </nav>
        ) : null}
      </article>

      {view.comments.enabled && !view.retracted ? (
        <CommentBox
          labels={{
            characters: t.pageCharacters,
            heading: t.pageComments,
            moderation: t.pageModeration,
            placeholder: t.pageCommentPlaceholder,
            submit: t.pageCommentSubmit,
          }}
          maxLength={view.comments.maxLength}
          moderation={view.comments.moderation}
        />
      ) : null}
    </main>
  )
}
