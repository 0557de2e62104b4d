import type { CollectionConfig, Config, Field } from 'payload'

import { newsroomPlugin } from 'payload-newsroom'
import { describe, expect, it } from 'vitest'

const host = {
  collections: [
    {
      auth: true,
      fields: [{ name: 'displayName', type: 'text', validate: () => true }],
      slug: 'staff',
    },
  ],
  i18n: { fallbackLanguage: 'en', supportedLanguages: { de: {}, en: {} } },
  localization: { defaultLocale: 'en', locales: ['en', 'de'] },
} as unknown as Config

const validatedFields = (fields: Field[]): string[] =>
  fields.flatMap((field) => [
    ...('validate' in field && field.validate ? ['name' in field ? field.name : field.type] : []),
    ...('fields' in field ? validatedFields(field.fields) : []),
    ...(field.type === 'tabs' ? field.tabs.flatMap((tab) => validatedFields(tab.fields)) : []),
  ])
/** The plugin's config function returns a Config (Payload's type allows a Promise). */
const install = (options: Parameters<typeof newsroomPlugin>[0]) =>
  newsroomPlugin(options)(host) as Config
const collection = (config: Config, slug: string) =>
  config.collections!.find((candidate) => candidate.slug === slug) as CollectionConfig

describe('what the plugin does to a host config', () => {
  it("gives every language of the host's admin the plugin's strings (German falls back to English, not to raw keys)", () => {
    const config = install({ collections: { users: { slug: 'staff' } }, languages: ['en', 'de'] })
    const strings = config.i18n!.translations as Record<
      string,
      { newsroom?: Record<string, string> }
    >
    expect(strings.de?.newsroom?.tabContent).toBe(strings.en?.newsroom?.tabContent)
    expect(strings.fr?.newsroom?.tabContent).toBeTruthy()
    expect(strings.fr?.newsroom?.tabContent).not.toBe(strings.en?.newsroom?.tabContent)
  })

  it('keeps the fields but none of their rules when disabled, and leaves the host fields alone', () => {
    const enabled = install({ collections: { users: { slug: 'staff' } }, languages: ['en', 'de'] })
    const disabled = install({
      collections: { users: { slug: 'staff' } },
      disabled: true,
      languages: ['en', 'de'],
    })
    for (const slug of ['articles', 'sections', 'disclaimers', 'sources']) {
      expect(validatedFields(collection(enabled, slug).fields).length).toBeGreaterThan(0)
      expect(validatedFields(collection(disabled, slug).fields)).toEqual([])
    }
    // The host's own rule stays; the plugin's roles field is there, without its rule.
    expect(validatedFields(collection(disabled, 'staff').fields)).toEqual(['displayName'])
    expect(
      collection(disabled, 'staff').fields.map((field) => ('name' in field ? field.name : '')),
    ).toEqual(
      collection(enabled, 'staff').fields.map((field) => ('name' in field ? field.name : '')),
    )
  })

  it('when disabled, strips every behaviour in one place: no hooks, endpoints, previews or schedules, the same fields', () => {
    const enabled = newsroomPlugin({ languages: ['en', 'de'] })(host) as Config
    const disabled = newsroomPlugin({ disabled: true, languages: ['en', 'de'] })(host) as Config
    const hooksOf = (config: Config, slug: string) =>
      Object.values(collection(config, slug).hooks ?? {}).flat().length
    for (const slug of ['articles', 'sections', 'disclaimers', 'media']) {
      expect(hooksOf(enabled, slug), slug).toBeGreaterThan(0)
      expect(hooksOf(disabled, slug), slug).toBe(0)
      expect(collection(disabled, slug).endpoints ?? [], slug).toEqual([])
      expect(JSON.stringify(collection(disabled, slug).fields.map((field) => field.type))).toBe(
        JSON.stringify(collection(enabled, slug).fields.map((field) => field.type)),
      )
    }
    expect((collection(enabled, 'articles').endpoints || []).length).toBeGreaterThan(0)
    expect(collection(disabled, 'articles').admin?.preview).toBeUndefined()
    // The plugin's own users: only the first account's promotion stays (or nobody administers).
    expect(hooksOf(disabled, 'users')).toBe(1)
    const schedules = (config: Config) =>
      (config.jobs?.tasks ?? []).flatMap(
        (task) => (task as { schedule?: unknown[] }).schedule ?? [],
      )
    expect(schedules(enabled).length).toBeGreaterThan(0)
    expect(schedules(disabled)).toEqual([])
    expect(disabled.jobs?.tasks?.map((task) => task.slug)).toEqual(
      enabled.jobs?.tasks?.map((task) => task.slug),
    )
  })
})
