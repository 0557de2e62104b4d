import { readFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import {
  credentialsSignerOf,
  generateContentCredentialsCertificate,
  readContentCredentials,
  signContentCredentials,
} from 'payload-newsroom/server'
import { projectRoot } from '../testDatabase'

const fixture = (name: string) => readFile(path.join(projectRoot, 'test/fixtures/c2pa', name))

/**
 * C2PA content credentials of our own images (issue 36, item 6): what we sign, read back by our
 * reader, and our reader checked against the reference implementation's own test files.
 */
describe('C2PA content credentials', () => {
  it('reads the reference implementation’s files as it meant them: valid, broken hash, broken signature, none', async () => {
    const anchor = await readFile(
      path.join(projectRoot, 'test/fixtures/c2pa/signed-by-c2pa-rs-ca.pem'),
      'utf8',
    )
    const read = async (name: string) =>
      await readContentCredentials(await fixture(name), { trustAnchors: anchor })
    expect(await read('C.jpg')).toMatchObject({
      generator: 'make_test_images',
      problems: [],
      state: 'valid',
      // Signed by the C2PA test certificate, which our anchor does not vouch for.
      trusted: false,
    })
    expect(await read('XCA.jpg')).toMatchObject({
      problems: ['assertion.dataHash.mismatch'],
      state: 'invalid',
    })
    const badSignature = await read('E-sig-CA.jpg')
    expect(badSignature.state).toBe('invalid')
    expect(badSignature.problems).toContain('claimSignature.mismatch')
    expect(await read('no_manifest.jpg')).toMatchObject({ state: 'none', trusted: null })
    expect(await read('signed-by-c2pa-rs-ed25519.jpg')).toMatchObject({
      problems: [],
      signer: 'O=Local Test, CN=Payload C2PA Signer ed25519',
      state: 'valid',
      trusted: true,
    })
  })

  it('signs JPEG and PNG so that they verify, are trusted through the authority only, and fail on one changed byte', async () => {
    const certificate = await generateContentCredentialsCertificate('Test newsroom')
    const other = await generateContentCredentialsCertificate('Another newsroom')
    const signer = credentialsSignerOf(certificate)
    for (const format of ['jpeg', 'png'] as const) {
      const original = await sharp({
        create: { background: '#204060', channels: 3, height: 120, width: 200 },
      })
        [format]()
        .toBuffer()
      expect((await readContentCredentials(original)).state).toBe('none')
      const signed = await signContentCredentials(original, signer, { title: 'Une carte' })
      const reading = await readContentCredentials(signed, {
        trustAnchors: certificate.trustAnchor,
      })
      expect(reading, format).toMatchObject({
        generator: 'payload-newsroom',
        problems: [],
        signer: 'O=Test newsroom, CN=Content credentials signer',
        state: 'valid',
        trusted: true,
      })
      // Still an image, the same size.
      expect(await sharp(signed).metadata()).toMatchObject({ format, height: 120, width: 200 })
      // Another authority does not vouch for it; without anchors, trust is not decided.
      expect(
        (await readContentCredentials(signed, { trustAnchors: other.trustAnchor })).trusted,
      ).toBe(false)
      expect((await readContentCredentials(signed)).trusted).toBeNull()
      // One byte of the image data changed (the last before its end marker): the data hash fails.
      const tampered = Buffer.from(signed)
      const at = format === 'jpeg' ? tampered.length - 3 : tampered.indexOf('IDAT') + 8
      tampered[at] ^= 0xff
      const broken = await readContentCredentials(tampered, {
        trustAnchors: certificate.trustAnchor,
      })
      expect(broken.state, format).toBe('invalid')
      expect(broken.problems, format).toContain('assertion.dataHash.mismatch')
    }
  })

  it('refuses a signing key that is not Ed25519, and a chain with no certificate', async () => {
    const certificate = await generateContentCredentialsCertificate()
    expect(() =>
      credentialsSignerOf({
        certificateChain: 'not a certificate',
        privateKey: certificate.privateKey,
      }),
    ).toThrow(/no PEM certificate/)
    const { generateKeyPairSync } = await import('node:crypto')
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString()
    expect(() =>
      credentialsSignerOf({ certificateChain: certificate.certificateChain, privateKey: rsa }),
    ).toThrow(/Ed25519/)
  })
})
