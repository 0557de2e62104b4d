import { describe, expect, it } from 'vitest'
import { formatSlug, isValidSlug, slugFromTitle } from 'payload-newsroom/rules'
describe('formatSlug', () => {
  it.each([
    ['Moscou renforce la défense du Venezuela', 'moscou-renforce-la-defense-du-venezuela'],
    ["L'économie française : où en est-on ?", 'l-economie-francaise-ou-en-est-on'],
    ['Cœur de métier, Æther & Straße', 'coeur-de-metier-aether-strasse'],
    ['  Bitcoin -- 100 000 $ !  ', 'bitcoin-100-000'],
    ['Łódź, Øresund', 'lodz-oresund'],
  ])('%s → %s', (title, slug) => {
    expect(formatSlug(title)).toBe(slug)
    expect(isValidSlug(formatSlug(title))).toBe(true)
  })

  it.each([
    ['Москва усиливает оборону Венесуэлы', 'moskva-usilivaet-oboronu-venesuely'],
    ['Україна: новий закон про медіа', 'ukraina-noviy-zakon-pro-media'],
    ['Η Αθήνα σήμερα', 'i-athina-simera'],
    ['الاقتصاد العالمي', 'lqtsd-l-lmy'],
    ['東京の株価が上昇', 'dong-jing-no-zhu-si-ga-shang-sheng'],
    ['ビットコインが急騰', 'bittokoinga-ji-teng'],
    ['中文新闻标题', 'zhong-wen-xin-wen-biao-ti'],
  ])('transliterates %s → %s (any-ascii), never an empty slug', (title, slug) => {
    expect(formatSlug(title)).toBe(slug)
    expect(isValidSlug(slugFromTitle(title))).toBe(true)
  })

  it('gives a title with nothing to transliterate a stable slug of its own', () => {
    expect(formatSlug('!!! ??? …')).toBe('')
    expect(slugFromTitle('!!! ??? …')).toMatch(/^article-[0-9a-f]{8}$/)
    expect(slugFromTitle('!!! ??? …')).toBe(slugFromTitle('!!! ??? …'))
    expect(slugFromTitle('— ! —')).not.toBe(slugFromTitle('!!! ??? …'))
    expect(slugFromTitle('Bonjour')).toBe('bonjour')
  })

  it('refuses what is not lowercase letters, digits and single hyphens', () => {
    for (const bad of [
      'Upper',
      'double--hyphen',
      '-leading',
      'trailing-',
      'accent-é',
      'space here',
      '',
    ]) {
      expect(isValidSlug(bad), bad).toBe(false)
    }
  })
})
