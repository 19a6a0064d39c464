// A throw-away self-signed certificate for the real hostnames, made with the machine's openssl at start.
// Chromium is launched with --ignore-certificate-errors, so trust is not needed; the SANs keep the names honest.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Certificate {
  key: string;
  cert: string;
}

let cached: Map<string, Certificate> | undefined;

export function makeCertificate(hosts: readonly string[]): Certificate {
  const cacheKey = hosts.join(',');
  cached ??= new Map();
  const hit = cached.get(cacheKey);
  if (hit) return hit;

  const dir = mkdtempSync(join(tmpdir(), 'mg-sandbox-tls-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    const san = [...hosts.map((h) => `DNS:${h}`), 'DNS:localhost', 'IP:127.0.0.1'].join(',');
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-nodes', '-days', '30',
        '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
        '-keyout', keyPath, '-out', certPath,
        '-subj', '/CN=Mapping Guard sandbox',
        '-addext', `subjectAltName=${san}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const certificate = { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
    cached.set(cacheKey, certificate);
    return certificate;
  } catch (error) {
    throw new Error(`sandbox: could not make a certificate with openssl (is it installed?): ${String(error)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
