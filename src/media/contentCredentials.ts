import { X509Certificate } from '@peculiar/x509'
import { JPEG, PNG } from '@trustnxt/c2pa-ts/asset'
import { CoseAlgorithmIdentifier, type Signer } from '@trustnxt/c2pa-ts/cose'
import { SuperBox } from '@trustnxt/c2pa-ts/jumbf'
import {
  ActionAssertion,
  ActionType,
  ClaimVersion,
  DataHashAssertion,
  DigitalSourceType,
  ManifestStore,
} from '@trustnxt/c2pa-ts/manifest'
import { createPrivateKey, randomUUID, sign } from 'node:crypto'

/**
 * C2PA content credentials for our own images (docs/provenance.md, "Images"): a manifest embedded in
 * the file on upload, signed with the newsroom's certificate, and read back by anyone. Through
 * `@trustnxt/c2pa-ts`, a TypeScript implementation of the C2PA specification (JPEG and PNG).
 */

/** The formats credentials are embedded in: the others are stored as uploaded. */
export const credentialFormats = ['image/jpeg', 'image/png'] as const

/** A signing certificate chain (PEM, the signer's certificate first) and its Ed25519 private key (PKCS#8 PEM). */
export type ContentCredentialsSigner = { certificateChain: string; privateKey: string }

export const claimGenerator = 'payload-newsroom'

const pemBlocks = (pem: string): string[] =>
  pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []

const assetOf = (bytes: Uint8Array) =>
  JPEG.canRead(bytes) ? new JPEG(bytes) : PNG.canRead(bytes) ? new PNG(bytes) : undefined

/** The c2pa-ts signer of a configured chain and key (Ed25519: COSE's EdDSA). */
export const credentialsSignerOf = ({ certificateChain, privateKey }: ContentCredentialsSigner) => {
  const [leaf, ...chain] = pemBlocks(certificateChain)
  if (!leaf) {
    throw new Error('content credentials: the certificate chain holds no PEM certificate')
  }
  const key = createPrivateKey(privateKey)
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error('content credentials: the private key must be Ed25519 (PKCS#8 PEM)')
  }
  const signer: Signer = {
    algorithm: CoseAlgorithmIdentifier.Ed25519,
    certificate: new X509Certificate(leaf),
    chainCertificates: chain.map((pem) => new X509Certificate(pem)),
    // eslint-disable-next-line @typescript-eslint/require-await -- the interface is asynchronous; node:crypto signs at once
    sign: async (payload: Uint8Array) => new Uint8Array(sign(null, payload, key)),
  }
  return signer
}

/** Whether a file already carries C2PA credentials (a camera's, an editing tool's). */
export const hasContentCredentials = (bytes: Uint8Array): boolean =>
  Boolean(assetOf(bytes)?.getManifestJUMBF())

/**
 * The file with a C2PA manifest embedded: created by this newsroom (`c2pa.created`, of the digital
 * source type given), bound to the file's bytes by a data hash, signed. Unchanged for a format
 * credentials are not embedded in.
 */
export const signContentCredentials = async (
  bytes: Uint8Array,
  signer: Signer,
  {
    digitalSourceType = DigitalSourceType.DigitalCapture,
    title,
  }: { digitalSourceType?: DigitalSourceType; title?: string } = {},
): Promise<Uint8Array> => {
  const asset = assetOf(bytes)
  if (!asset) {
    return bytes
  }
  const store = new ManifestStore()
  const manifest = store.createManifest({
    assetFormat: asset instanceof JPEG ? 'image/jpeg' : 'image/png',
    claimVersion: ClaimVersion.V2,
    defaultHashAlgorithm: 'SHA-256',
    instanceID: `xmp:iid:${randomUUID()}`,
    signer,
  })
  manifest.claim!.claimGeneratorName = claimGenerator
  if (title) {
    manifest.claim!.title = title.slice(0, 200)
  }
  const actions = new ActionAssertion()
  actions.actions = [{ action: ActionType.C2paCreated, digitalSourceType }]
  manifest.addAssertion(actions)
  const dataHash = DataHashAssertion.create('SHA-256')
  manifest.addAssertion(dataHash)
  await asset.ensureManifestSpace(store.measureSize())
  await dataHash.updateWithAsset(asset)
  await manifest.sign(signer)
  await asset.writeManifestJUMBF(store.getBytes())
  return asset.getDataRange()
}

/** What a file's credentials say, as a reader checks them. */
export type CredentialsReading = {
  /** The active manifest's claim generator and the signer's certificate subject. */
  generator: null | string
  /** Failed checks, by C2PA status code (`assertion.dataHash.mismatch`, …). */
  problems: string[]
  signer: null | string
  /** `none`: no credentials; `invalid`: they do not hold; `valid`: signature and hashes hold. */
  state: 'invalid' | 'none' | 'valid'
  /** Whether the signer's chain leads to one of the trust anchors given (null when none were). */
  trusted: boolean | null
}

/** Whether `certificate` was issued by one of `anchors`, directly or through `chain`. */
const chainsTo = async (
  certificate: X509Certificate,
  chain: X509Certificate[],
  anchors: X509Certificate[],
): Promise<boolean> => {
  let current = certificate
  for (let depth = 0; depth <= chain.length; depth++) {
    for (const anchor of anchors) {
      if (current.issuer === anchor.subject && (await current.verify({ publicKey: anchor }))) {
        return true
      }
    }
    const next = chain.find((candidate) => candidate.subject === current.issuer)
    if (!next || !(await current.verify({ publicKey: next }))) {
      return false
    }
    current = next
  }
  return false
}

/**
 * Reads and checks a file's C2PA credentials: the manifest store, the claim's signature, the data
 * hash binding it to the file and, given trust anchors (PEM), the signer's certificate chain.
 */
export const readContentCredentials = async (
  bytes: Uint8Array,
  { trustAnchors }: { trustAnchors?: string } = {},
): Promise<CredentialsReading> => {
  const asset = assetOf(bytes)
  const jumbf = asset?.getManifestJUMBF()
  if (!asset || !jumbf) {
    return { generator: null, problems: [], signer: null, state: 'none', trusted: null }
  }
  try {
    const store = ManifestStore.read(SuperBox.fromBuffer(new Uint8Array(jumbf)))
    const result = await store.validate(asset)
    const manifest = store.getActiveManifest()
    const signature = manifest?.signature?.signatureData
    const anchors = trustAnchors
      ? pemBlocks(trustAnchors).map((pem) => new X509Certificate(pem))
      : []
    return {
      generator: manifest?.claim?.claimGeneratorName ?? null,
      problems: result.statusEntries
        .filter((entry) => !entry.success)
        .map((entry) => String(entry.code)),
      signer: signature?.certificate?.subject ?? null,
      state: result.isValid ? 'valid' : 'invalid',
      trusted:
        anchors.length === 0 || !signature?.certificate
          ? null
          : await chainsTo(signature.certificate, signature.chainCertificates, anchors),
    }
  } catch (error) {
    return {
      generator: null,
      problems: [`malformed: ${(error as Error).message}`],
      signer: null,
      state: 'invalid',
      trusted: null,
    }
  }
}
