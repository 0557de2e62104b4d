import type { Payload } from 'payload'

import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  PemConverter,
  SubjectKeyIdentifierExtension,
  X509CertificateGenerator,
} from '@peculiar/x509'
import { webcrypto } from 'node:crypto'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { oncePerConfig } from '../utilities/oncePerConfig.ts'

import { type ContentCredentialsSigner, credentialsSignerOf } from './contentCredentials.ts'

/** Where the signing certificate and key come from when the options name none. */
export const contentCredentialsVariables = {
  certificateChain: 'NEWSROOM_C2PA_CERTIFICATE',
  privateKey: 'NEWSROOM_C2PA_PRIVATE_KEY',
} as const

const ed25519 = { name: 'Ed25519' }
const day = 24 * 60 * 60 * 1000
/** `id-kp-emailProtection`: an extended key usage C2PA accepts for claim signers. */
const emailProtection = '1.3.6.1.5.5.7.3.4'

/**
 * A certificate authority and a claim signer it issued (Ed25519), for development and tests: C2PA
 * readers check the chain, and refuse a self-signed signer. `trustAnchor` is the authority's
 * certificate, which a reader must be told to trust. Never for production: a newsroom's readers
 * trust only certificates from the C2PA trust list's authorities.
 */
export const generateContentCredentialsCertificate = async (
  organisation = 'Newsroom (development)',
): Promise<ContentCredentialsSigner & { trustAnchor: string }> => {
  const crypto = webcrypto as unknown as Crypto
  const notBefore = new Date(Date.now() - day)
  const notAfter = new Date(Date.now() + 365 * day)
  const authorityKeys = (await crypto.subtle.generateKey(ed25519, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair
  const authority = await X509CertificateGenerator.createSelfSigned(
    {
      extensions: [
        new BasicConstraintsExtension(true, 0, true),
        new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
        await SubjectKeyIdentifierExtension.create(authorityKeys.publicKey, false, crypto),
      ],
      keys: authorityKeys,
      name: `O=${organisation}, CN=Content credentials authority`,
      notAfter,
      notBefore,
      signingAlgorithm: ed25519,
    },
    crypto,
  )
  const signerKeys = (await crypto.subtle.generateKey(ed25519, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair
  const signer = await X509CertificateGenerator.create(
    {
      extensions: [
        new BasicConstraintsExtension(false, undefined, true),
        new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
        new ExtendedKeyUsageExtension([emailProtection], true),
        await SubjectKeyIdentifierExtension.create(signerKeys.publicKey, false, crypto),
        await AuthorityKeyIdentifierExtension.create(authorityKeys.publicKey, false, crypto),
      ],
      issuer: authority.subject,
      notAfter,
      notBefore,
      publicKey: signerKeys.publicKey,
      signingAlgorithm: ed25519,
      signingKey: authorityKeys.privateKey,
      subject: `O=${organisation}, CN=Content credentials signer`,
    },
    crypto,
  )
  return {
    certificateChain: `${signer.toString('pem')}\n${authority.toString('pem')}\n`,
    privateKey: PemConverter.encode(
      await crypto.subtle.exportKey('pkcs8', signerKeys.privateKey),
      'PRIVATE KEY',
    ),
    trustAnchor: authority.toString('pem'),
  }
}

const loadSigner = async (payload: Payload, options: ResolvedNewsroomOptions) => {
  const given = options.provenance.contentCredentials
  if (given === false || !options.provenance.enabled) {
    return null
  }
  const certificateChain =
    given?.certificateChain ?? process.env[contentCredentialsVariables.certificateChain]
  const privateKey = given?.privateKey ?? process.env[contentCredentialsVariables.privateKey]
  if (certificateChain && privateKey) {
    return credentialsSignerOf({ certificateChain, privateKey })
  }
  if (process.env.NODE_ENV === 'production') {
    payload.logger.info(
      `payload-newsroom: our images are stored without C2PA content credentials (set ${contentCredentialsVariables.certificateChain} and ${contentCredentialsVariables.privateKey} to sign them).`,
    )
    return null
  }
  payload.logger.warn(
    'payload-newsroom: our images are signed with C2PA content credentials from a certificate authority generated for this process: readers will not trust them. Set NEWSROOM_C2PA_CERTIFICATE and NEWSROOM_C2PA_PRIVATE_KEY.',
  )
  return credentialsSignerOf(await generateContentCredentialsCertificate())
}

/** The C2PA signer of a configuration (null: images are not signed), loaded once. */
export const contentCredentialsSigner = oncePerConfig(loadSigner)
