/**
 * A private certificate authority for tests, made with node:crypto alone: Node can sign but has no API that
 * writes an X.509 certificate, so the few DER structures a certificate needs are encoded here (RFC 5280).
 * Keys are P-256 and certificates last a day; nothing is written to disk unless a test does it.
 */
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign, X509Certificate } from 'node:crypto';

const length = (n: number) =>
  n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
const tlv = (tag: number, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
};
const sequence = (...parts: Buffer[]) => tlv(0x30, ...parts);
const integer = (bytes: Buffer) => tlv(0x02, (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
const bitString = (bytes: Buffer, unusedBits = 0) => tlv(0x03, Buffer.from([unusedBits]), bytes);
const octets = (bytes: Buffer) => tlv(0x04, bytes);
const yes = tlv(0x01, Buffer.from([0xff]));
function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const arcs = rest.map((arc) => {
    const out = [arc & 0x7f];
    for (let v = arc >> 7; v > 0; v >>= 7) out.unshift((v & 0x7f) | 0x80);
    return Buffer.from(out);
  });
  return tlv(0x06, Buffer.from([40 * a + b]), ...arcs);
}
const utcTime = (d: Date) => tlv(0x17, Buffer.from(`${d.toISOString().slice(2, 19).replace(/[-:T]/g, '')}Z`));
const commonName = (cn: string) => sequence(tlv(0x31, sequence(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn)))));
const extension = (id: string, critical: boolean, value: Buffer) =>
  sequence(oid(id), ...(critical ? [yes] : []), octets(value));
const ecdsaWithSha256 = sequence(oid('1.2.840.10045.4.3.2'));

/** Who signs: its name, its key identifier and its private key; a self-signed certificate names itself. */
interface Signer {
  name?: string;
  keyId?: Buffer;
  privateKey: KeyObject;
}

function certificate(o: { subject: string; publicKey: KeyObject; signer: Signer; ca: boolean; ips?: string[] }) {
  const spki = o.publicKey.export({ type: 'spki', format: 'der' });
  const keyId = createHash('sha1').update(spki).digest();
  const issuer = { name: o.signer.name ?? o.subject, keyId: o.signer.keyId ?? keyId };
  const now = Date.now();
  const extensions = [
    extension('2.5.29.19', true, sequence(...(o.ca ? [yes] : []))), // basicConstraints
    // keyUsage: keyCertSign and cRLSign for the authority, digitalSignature for a server.
    extension('2.5.29.15', true, o.ca ? bitString(Buffer.from([0x06]), 1) : bitString(Buffer.from([0x80]), 7)),
    extension('2.5.29.14', false, octets(keyId)), // subjectKeyIdentifier
    extension('2.5.29.35', false, sequence(tlv(0x80, issuer.keyId))), // authorityKeyIdentifier
    ...(o.ips?.length
      ? [
          extension(
            '2.5.29.17',
            false,
            sequence(...o.ips.map((ip) => tlv(0x87, Buffer.from(ip.split('.').map(Number))))),
          ),
        ]
      : []),
  ];
  const serial = randomBytes(16);
  // Positive and minimal: DER rejects a leading zero byte (OpenSSL reads it as "illegal padding").
  serial[0] = ((serial[0] ?? 0) & 0x3f) | 0x40;
  const tbs = sequence(
    tlv(0xa0, integer(Buffer.from([2]))), // v3
    integer(serial),
    ecdsaWithSha256,
    commonName(issuer.name),
    sequence(utcTime(new Date(now - 3600_000)), utcTime(new Date(now + 86_400_000))),
    commonName(o.subject),
    spki,
    tlv(0xa3, sequence(...extensions)),
  );
  const signature = sign('sha256', tbs, o.signer.privateKey);
  const der = sequence(tbs, ecdsaWithSha256, bitString(signature));
  return { der, keyId };
}

const pem = (der: Buffer) =>
  `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .replace(/.{64}/g, '$&\n')
    .replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;

export interface TestAuthority {
  /** The authority's certificate (PEM): what a client that trusts it is given. */
  caPem: string;
  /** A server certificate for these IP addresses, signed by this authority, and its private key (PEM). */
  issueServer(ips: string[]): { certPem: string; keyPem: string };
}

export function createTestAuthority(name = 'Tierdesk Test CA'): TestAuthority {
  const keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const self = certificate({
    subject: name,
    publicKey: keys.publicKey,
    signer: { privateKey: keys.privateKey },
    ca: true,
  });
  const caPem = pem(self.der);
  const signer: Signer = { name, keyId: self.keyId, privateKey: keys.privateKey };
  return {
    caPem,
    issueServer(ips) {
      const server = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
      const certPem = pem(
        certificate({ subject: ips[0] ?? 'server', publicKey: server.publicKey, signer, ca: false, ips }).der,
      );
      // Refuse to hand out something Node itself would not read as signed by this authority.
      if (!new X509Certificate(certPem).verify(new X509Certificate(caPem).publicKey)) {
        throw new Error('test certificate does not verify against its authority');
      }
      return { certPem, keyPem: server.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
    },
  };
}
