import type { Payload } from 'payload'

import { createLocalReq } from 'payload'
import { inTransaction } from 'payload-newsroom/server'
import sharp from 'sharp'

/**
 * The demo's images, drawn by this project (SVG shapes rendered to PNG with sharp: nothing
 * downloaded, nothing anyone else owns), with alt text in both languages and their credits.
 */
type SampleImage = {
  alt: { en: string; fr: string }
  caption?: { en: string; fr: string }
  credit: { en: string; fr: string }
  /** Width × height and the SVG drawing inside it. */
  draw: (width: number, height: number) => string
  filename: string
  licence?: string
  origin: 'own' | 'third-party'
  source?: string
}

const gradient = (from: string, to: string) =>
  `<defs><linearGradient id="g" x1="0" x2="1" y1="0" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>`

const bars = (width: number, height: number, values: number[], colour: string) =>
  values
    .map((value, index) => {
      const barWidth = width / (values.length * 1.6)
      const x = width * 0.1 + index * barWidth * 1.5
      const barHeight = height * 0.7 * value
      return `<rect x="${x.toFixed(0)}" y="${(height * 0.85 - barHeight).toFixed(0)}" width="${barWidth.toFixed(0)}" height="${barHeight.toFixed(0)}" rx="8" fill="${colour}"/>`
    })
    .join('')

export const sampleImages: Record<string, SampleImage> = {
  map: {
    alt: {
      en: 'A stylised map: two markers joined by an arc across an ocean',
      fr: 'Une carte stylisée : deux repères reliés par un arc au-dessus d’un océan',
    },
    caption: {
      en: 'The two capitals, as drawn for this article.',
      fr: 'Les deux capitales, telles que dessinées pour cet article.',
    },
    credit: { en: 'Illustration: Newsroom (demo)', fr: 'Illustration : Newsroom (démo)' },
    draw: (width, height) =>
      `${gradient('#0b3954', '#087e8b')}<rect width="${width}" height="${height}" fill="url(#g)"/>` +
      `<path d="M ${width * 0.2} ${height * 0.6} Q ${width * 0.5} ${height * 0.1} ${width * 0.8} ${height * 0.45}" stroke="#ffffff" stroke-width="10" fill="none" stroke-dasharray="30 18"/>` +
      `<circle cx="${width * 0.2}" cy="${height * 0.6}" r="${height * 0.05}" fill="#ff5a5f"/><circle cx="${width * 0.8}" cy="${height * 0.45}" r="${height * 0.05}" fill="#ff5a5f"/>`,
    filename: 'demo-carte-accord.png',
    origin: 'own',
  },
  rates: {
    alt: {
      en: 'A bar chart of flat interest rates over six meetings',
      fr: 'Un graphique en barres de taux stables sur six réunions',
    },
    credit: { en: 'Chart: Newsroom (demo)', fr: 'Graphique : Newsroom (démo)' },
    draw: (width, height) =>
      `${gradient('#f4f1de', '#e0dcc4')}<rect width="${width}" height="${height}" fill="url(#g)"/>${bars(width, height, [0.6, 0.62, 0.62, 0.62, 0.62, 0.62], '#3d405b')}`,
    filename: 'demo-taux-directeurs.png',
    origin: 'own',
  },
  bitcoin: {
    alt: {
      en: 'A rising bar chart over an orange background',
      fr: 'Un graphique en barres ascendant sur fond orange',
    },
    credit: { en: 'Chart: ChainWire Partners', fr: 'Graphique : ChainWire Partners' },
    draw: (width, height) =>
      `${gradient('#f7931a', '#c56a00')}<rect width="${width}" height="${height}" fill="url(#g)"/>${bars(width, height, [0.3, 0.42, 0.4, 0.55, 0.7, 0.95], '#ffffff')}`,
    filename: 'demo-bitcoin-seuil.png',
    licence: 'Partner content agreement',
    origin: 'third-party',
    source: 'chainwire-partners',
  },
}

const render = (image: SampleImage) => {
  const [width, height] = [1600, 900]
  return sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${image.draw(width, height)}</svg>`,
    ),
  )
    .png()
    .toBuffer()
}

/** The sample images, created once (found again by file name), with their texts in both languages. */
export const ensureSampleImages = async (
  payload: Payload,
  sources: Map<string, number | string>,
) => {
  const ids = new Map<string, number | string>()
  for (const [key, image] of Object.entries(sampleImages)) {
    const { docs } = await payload.find({
      collection: 'media',
      depth: 0,
      limit: 1,
      where: { filename: { equals: image.filename } },
    })
    if (docs[0]) {
      ids.set(key, docs[0].id)
      continue
    }
    const data = await render(image)
    // Both languages in one transaction: a seed stopped half-way leaves no image with French texts only.
    const req = await createLocalReq({}, payload)
    const created = await inTransaction(req, async () => {
      const doc = await payload.create({
        collection: 'media',
        data: {
          alt: image.alt.fr,
          caption: image.caption?.fr,
          credit: image.credit.fr,
          licence: image.licence,
          origin: image.origin,
          source: image.source ? sources.get(image.source) : undefined,
        } as never,
        file: { data, mimetype: 'image/png', name: image.filename, size: data.length },
        locale: 'fr',
        req,
      })
      await payload.update({
        collection: 'media',
        data: { alt: image.alt.en, caption: image.caption?.en, credit: image.credit.en } as never,
        id: doc.id,
        locale: 'en',
        req,
      })
      return doc
    })
    ids.set(key, created.id)
  }
  return ids
}
