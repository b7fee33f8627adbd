/**
 * Static checks of docker-compose.yml and the Dockerfile (no Docker engine runs here, brief s9): the
 * topology is complete, health-gated, and sets only variables the worker and API actually read.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { ApiConfigSchema } from '../../api/config';
import { WorkerConfigSchema } from '../../worker/config';

const root = resolve(__dirname, '../..');

interface Service {
  image?: string;
  build?: string | { context?: string; target?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
}

const compose = parse(readFileSync(resolve(root, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };
const services = compose.services;
const dockerfile = readFileSync(resolve(root, 'Dockerfile'), 'utf8');

/** `environment` as a map, whichever of the two compose forms is used. */
function env(service: Service): Record<string, string> {
  const e = service.environment ?? {};
  if (Array.isArray(e)) {
    return Object.fromEntries(e.map((kv) => [kv.split('=')[0], kv.slice(kv.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v == null ? '' : String(v)]));
}

function dependsOn(service: Service): string[] {
  const d = service.depends_on ?? [];
  return Array.isArray(d) ? d : Object.keys(d);
}

// zod 4: .refine() keeps the ZodObject (it adds a check), so the refined schemas still expose .shape.
const workerKeys = Object.keys(WorkerConfigSchema.shape);
const apiKeys = Object.keys(ApiConfigSchema.shape);

describe('docker-compose.yml', () => {
  const names = ['postgresql', 'temporal', 'temporal-ui', 'mailsink', 'worker', 'api'];

  it('has the six services of the production-like topology', () => {
    expect(Object.keys(services).sort()).toEqual(expect.arrayContaining(names));
    for (const name of names) expect(services[name]).toBeDefined();
  });

  it('gives every service an image or a build', () => {
    for (const [name, s] of Object.entries(services)) {
      expect({ name, ok: Boolean(s.image || s.build) }).toEqual({ name, ok: true });
    }
  });

  it('builds worker and api from the runtime stage', () => {
    for (const name of ['worker', 'api']) {
      const build = services[name].build;
      expect(typeof build === 'object' ? build.target : undefined).toBe('runtime');
    }
  });

  it('health-checks every service except temporal-ui and mailsink', () => {
    for (const [name, s] of Object.entries(services)) {
      if (name === 'temporal-ui' || name === 'mailsink') continue;
      expect({ name, test: Boolean(s.healthcheck?.test) && !s.healthcheck?.disable }).toEqual({ name, test: true });
    }
  });

  it('starts worker and api only after temporal is healthy', () => {
    for (const name of ['worker', 'api']) {
      expect(dependsOn(services[name])).toContain('temporal');
      const d = services[name].depends_on as Record<string, { condition?: string }>;
      expect(d.temporal?.condition).toBe('service_healthy');
    }
  });

  it('depends only on services that exist', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const target of dependsOn(s)) expect({ name, target, exists: target in services }).toEqual({ name, target, exists: true });
    }
  });

  it('points worker and api at the temporal service', () => {
    for (const name of ['worker', 'api']) expect(env(services[name]).TEMPORAL_ADDRESS).toBe('temporal:7233');
  });

  it('points the worker at the mail sink', () => {
    expect(env(services.worker).SMTP_HOST).toBe('mailsink');
  });

  it('sets on the worker only variables WorkerConfigSchema reads', () => {
    const names = Object.keys(env(services.worker));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((k) => !workerKeys.includes(k))).toEqual([]);
  });

  it('sets on the api only variables ApiConfigSchema reads, listening beyond loopback', () => {
    const apiEnv = env(services.api);
    expect(Object.keys(apiEnv).filter((k) => !apiKeys.includes(k))).toEqual([]);
    expect(apiEnv.HOST).toBe('0.0.0.0');
  });

  it('gives the worker and api environments the schemas accept', () => {
    // ${NAME:-default} placeholders are replaced by their defaults, as compose does with nothing set.
    const resolved = (e: Record<string, string>) =>
      Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')]));
    expect(WorkerConfigSchema.safeParse(resolved(env(services.worker))).success).toBe(true);
    expect(ApiConfigSchema.safeParse(resolved(env(services.api))).success).toBe(true);
  });
});

describe('Dockerfile', () => {
  it('is multi-stage with a runtime stage', () => {
    const froms = dockerfile.split('\n').filter((l) => /^\s*FROM\s/i.test(l));
    expect(froms.length).toBeGreaterThanOrEqual(2);
    expect(froms.some((l) => /\sAS\s+runtime\s*$/i.test(l))).toBe(true);
  });
});

describe('.env.example', () => {
  it('lists every variable of both schemas and nothing else', () => {
    const text = readFileSync(resolve(root, '.env.example'), 'utf8');
    const listed = new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    const all = new Set([...workerKeys, ...apiKeys]);
    expect([...all].filter((k) => !listed.has(k))).toEqual([]);
    expect([...listed].filter((k) => !all.has(k))).toEqual([]);
  });
});
