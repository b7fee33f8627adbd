/**
 * Real certificates for the TLS tests, made with the openssl command line (not with the code under
 * test): a CA, a server certificate for "temporal.test" and 127.0.0.1 signed by it, a client
 * certificate signed by it, and a client certificate from a second, untrusted CA.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificates {
  dir: string;
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** Signed by another CA the server does not trust. */
  strayCert: string;
  strayKey: string;
  /** The client key under a passphrase (the connection cannot use it). */
  encryptedKey: string;
  /** `openssl x509 -enddate` of clientCert, as an ISO instant. */
  clientNotAfter: string;
  remove: () => void;
}

function openssl(args: string[], cwd: string): string {
  return execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString('utf8');
}

export function makeCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'clocks-tls-'));
  const ca = (name: string) =>
    openssl(
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.pem`,
        '-days',
        '2',
        '-subj',
        `/CN=${name}`,
      ],
      dir,
    );
  const signed = (name: string, by: string, ext: string) => {
    openssl(
      ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`],
      dir,
    );
    writeFileSync(join(dir, `${name}.ext`), ext);
    openssl(
      [
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        `${by}.pem`,
        '-CAkey',
        `${by}.key`,
        '-CAcreateserial',
        '-out',
        `${name}.pem`,
        '-days',
        '1',
        '-extfile',
        `${name}.ext`,
      ],
      dir,
    );
  };
  ca('test-ca');
  ca('stray-ca');
  signed('server', 'test-ca', 'subjectAltName=DNS:temporal.test,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  signed('client', 'test-ca', 'extendedKeyUsage=clientAuth\n');
  signed('stray', 'stray-ca', 'extendedKeyUsage=clientAuth\n');
  openssl(['pkey', '-in', 'client.key', '-aes256', '-passout', 'pass:secret', '-out', 'client-encrypted.key'], dir);
  // "notAfter=Nov 24 17:02:03 2026 GMT"
  const notAfter = openssl(['x509', '-in', 'client.pem', '-noout', '-enddate'], dir)
    .trim()
    .replace(/^notAfter=/, '');
  const at = (f: string) => join(dir, f);
  return {
    dir,
    caCert: at('test-ca.pem'),
    serverCert: at('server.pem'),
    serverKey: at('server.key'),
    clientCert: at('client.pem'),
    clientKey: at('client.key'),
    strayCert: at('stray.pem'),
    strayKey: at('stray.key'),
    encryptedKey: at('client-encrypted.key'),
    clientNotAfter: new Date(notAfter).toISOString(),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
