import type { Metadata } from 'next'

import config from '@payload-config'
import { notFound } from 'next/navigation'
import { createLocalReq, getPayload } from 'payload'
import { pluginOptionsOf, translations } from 'payload-newsroom/rules'
import { loadDisclaimerPage } from 'payload-newsroom/server'
export type DisclaimerPageProps = { params: Promise<{ lang: string }> }

const text = (language: string) =>
  ((translations as Record<string, typeof translations.en>)[language] ?? translations.en).newsroom
const title = (language: string) => text(language).pageDisclaimerTitle

/**
 * The Disclaimer page as the public sees it, one section per disclaimer in force, each with the
 * anchor its articles link to. Served at the path the plugin's `frontend.disclaimerPagePath` gives
 * for the language (`/fr/avertissement`, `/en/disclaimer`); any other path of these routes is a 404.
 */
export const renderDisclaimerPage = async ({ params }: DisclaimerPageProps, route: string) => {
  const { lang } = await params
  const payload = await getPayload({ config })
  const options = pluginOptionsOf(payload.config)
  const page = await loadDisclaimerPage(await createLocalReq({}, payload), options, lang)
  if (!page || page.path !== `/${lang}/${route}`) notFound()
  return (
    <main lang={page.language}>
      <h1>{title(page.language)}</h1>
      {page.disclaimers.map((disclaimer) => (
        <section id={disclaimer.anchor} key={disclaimer.key}>
          <h2>{disclaimer.title}</h2>
          <p>{disclaimer.longText ?? disclaimer.shortText}</p>
        </section>
      ))}
      {page.publisher.policies.length > 0 ? (
        <section data-testid="publisher-policies" id="publisher">
          <h2>{text(page.language).trustSectionTitle}</h2>
          <ul>
            {page.publisher.policies.map((policy) => (
              <li key={policy.key}>
                <a href={policy.url}>{policy.label}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  )
}

export const disclaimerPageMetadata = async ({
  params,
}: DisclaimerPageProps): Promise<Metadata> => ({ title: title((await params).lang) })
