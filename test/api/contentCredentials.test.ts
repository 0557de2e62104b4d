import { readFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import {
  generateContentCredentialsCertificate,
  readContentCredentials,
} from 'payload-newsroom/server'
import { newsroomSuite } from '../helpers/newsroomSuite'
import { projectRoot } from '../testDatabase'

type Doc = Record<string, any>

const certificate = await generateContentCredentialsCertificate('Rédaction de test')

/**
 * Our own images get C2PA content credentials as they are uploaded (issue 36, item 6), through
 * every surface that uploads; third parties' images and files with credentials of their own do not.
 */
describe('content credentials on upload', () => {
  const suite = newsroomSuite({
    newsroom: {
      provenance: {
        contentCredentials: {
          certificateChain: certificate.certificateChain,
          privateKey: certificate.privateKey,
        },
      },
    },
  })
  const upload = async (file: Blob, name: string, data: Record<string, unknown>) => {
    const form = new FormData()
    form.append('file', file, name)
    form.append('_payload', JSON.stringify(data))
    const answer = await suite.newsroom.rest.post('/media', {
      query: { locale: 'fr' },
      rawBody: form,
      token: suite.staff.editor.token,
    })
    expect(answer.status, answer.text.slice(0, 300)).toBe(201)
    return answer.body.doc as Doc
  }
  /** The file Payload stored, as a reader downloading the original gets it. */
  const storedFile = async (doc: Doc) => {
    const upload = suite.newsroom.payload.collections.media.config.upload as { staticDir: string }
    return await readFile(path.join(upload.staticDir, doc.filename))
  }
  const stored = async (id: number | string) =>
    await suite.newsroom.payload.findByID({ id, collection: 'media', depth: 0 })
  const image = (format: 'jpeg' | 'png') =>
    sharp({ create: { background: '#336699', channels: 3, height: 400, width: 600 } })
      [format]()
      .toBuffer()

  it('signs our own JPEG and PNG uploads, so the stored original verifies and is trusted through our authority', async () => {
    for (const format of ['jpeg', 'png'] as const) {
      const doc = await upload(
        new Blob([await image(format)], { type: `image/${format}` }),
        `carte.${format === 'jpeg' ? 'jpg' : 'png'}`,
        // A forged stamp is ignored: only the upload writes it.
        {
          alt: 'Une carte',
          contentCredentials: { signer: 'CN=Faussaire', status: 'signed' },
          credit: 'Rédaction',
        },
      )
      const reading = await readContentCredentials(await storedFile(doc), {
        trustAnchors: certificate.trustAnchor,
      })
      expect(reading, format).toMatchObject({
        generator: 'payload-newsroom',
        problems: [],
        signer: 'O=Rédaction de test, CN=Content credentials signer',
        state: 'valid',
        trusted: true,
      })
      const record = await stored(doc.id)
      expect(record.contentCredentials).toMatchObject({
        signer: 'O=Rédaction de test, CN=Content credentials signer',
        status: 'signed',
      })
      expect(Date.parse(record.contentCredentials.signedAt)).toBeGreaterThan(Date.now() - 60_000)
      // Payload measured and resized the signed file.
      expect(record).toMatchObject({ height: 400, width: 600 })
      expect(record.filesize).toBe((await storedFile(doc)).length)
    }
  })

  it('leaves a third party’s image unsigned, and keeps the credentials a file already carries', async () => {
    const theirs = await upload(
      new Blob([await image('jpeg')], { type: 'image/jpeg' }),
      'agence.jpg',
      {
        alt: 'Une photo d’agence',
        credit: 'Agence',
        licence: 'Licence agence',
        origin: 'third-party',
        source: suite.basics.source.id,
      },
    )
    expect((await readContentCredentials(await storedFile(theirs))).state).toBe('none')
    expect((await stored(theirs.id)).contentCredentials.status).toBe('none')

    // The reference implementation's own test image: its manifest stays, byte for byte.
    const original = await readFile(path.join(projectRoot, 'test/fixtures/c2pa/C.jpg'))
    const kept = await upload(new Blob([original], { type: 'image/jpeg' }), 'c2pa.jpg', {
      alt: 'Une image signée ailleurs',
      credit: 'C2PA',
    })
    const file = await storedFile(kept)
    expect(file.equals(original)).toBe(true)
    expect((await readContentCredentials(file)).generator).toBe('make_test_images')
    expect((await stored(kept.id)).contentCredentials.status).toBe('kept')
  })

  it('signs an upload through the Local API too, and a replaced file again', async () => {
    const { payload } = suite.newsroom
    const doc = await payload.create({
      collection: 'media',
      data: { alt: 'Un graphique', credit: 'Rédaction' } as never,
      file: { data: await image('png'), mimetype: 'image/png', name: 'graphique.png', size: 0 },
    })
    const first = await readContentCredentials(await storedFile(doc))
    expect(first.state).toBe('valid')
    const replaced = await payload.update({
      id: doc.id,
      collection: 'media',
      data: {} as never,
      file: { data: await image('jpeg'), mimetype: 'image/jpeg', name: 'graphique.jpg', size: 0 },
    })
    const second = await readContentCredentials(await storedFile(replaced), {
      trustAnchors: certificate.trustAnchor,
    })
    expect(second).toMatchObject({ state: 'valid', trusted: true })
  })
})
