import { describe, expect, it } from 'vitest'
import { translations } from 'payload-newsroom/rules'
const placeholders = (text: string) =>
  [...text.matchAll(/{{(\w+)}}/g)].map((match) => match[1]).sort()

describe('the plugin’s strings', () => {
  const english = translations.en.newsroom
  const french = translations.fr.newsroom

  it('exist in French for every English key, and nowhere only in French', () => {
    expect(Object.keys(french).sort()).toEqual(Object.keys(english).sort())
  })

  it('are never empty and never left in English in French', () => {
    // Words that are the same in both languages.
    const shared = new Set([
      'articlePlural',
      'articleSingular',
      'attribution',
      'comments',
      'corrections',
      'correctionType',
      'description',
      'licence',
      'note',
      'origin',
      'pageComments',
      'pageCorrections',
      'source',
      'sourcePlural',
      'sourceSingular',
      'sourceStatus_active',
      'transformation',
      'version',
      'workflowAction',
      'workflowNote',
      'correctionType_correction',
      'disclaimerKind_ai_generated',
      'webhookPlural',
      'webhookSingular',
      'ingestFeedFormat',
      'feedFormat_rss',
      'feedFormat_atom',
      'feedFormat_json_feed',
      'feedFormat_ninjs',
      'partnerFormat_ninjs_2',
      'partnerFormat_ninjs_3',
      'mediaSingular',
      'mediaPlural',
      'notificationPlural',
      'notificationSingular',
      'notificationSettings',
    ])
    for (const [key, text] of Object.entries(french)) {
      expect(text.trim(), key).not.toBe('')
      if (!shared.has(key)) {
        expect(text, `${key} is still English`).not.toBe(english[key as keyof typeof english])
      }
    }
  })

  it('keep the same placeholders in both languages', () => {
    for (const key of Object.keys(english) as (keyof typeof english)[]) {
      expect(placeholders(french[key]), key).toEqual(placeholders(english[key]))
    }
  })
})
