/**
 * Static checks of docker-compose.yml and the Dockerfile (no Docker engine runs here: docs/design.md, Deployment): the
 * compose file is valid against the Compose specification's JSON schema, the topology is complete and
 * health-gated, only variables the worker and API read are set, and the image's stages build and run
 * what the repository holds. The stages themselves were run by hand outside Docker (see the commit).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv from 'ajv';
import ts from 'typescript';
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
  ports?: (string | { host_ip?: string })[];
  volumes?: (string | { type?: string; source?: string })[];
}

const composeText = readFileSync(resolve(root, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText) as { services: Record<string, Service>; volumes?: Record<string, unknown> };
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

function dependsOn(service: Service): Record<string, string> {
  const d = service.depends_on ?? [];
  return Array.isArray(d)
    ? Object.fromEntries(d.map((n) => [n, 'service_started']))
    : Object.fromEntries(Object.entries(d).map(([n, c]) => [n, c.condition ?? 'service_started']));
}

const hasHealthcheck = (s: Service) => Boolean(s.healthcheck?.test) && !s.healthcheck?.disable;

// zod 4: .refine() keeps the ZodObject (it adds a check), so the refined schemas still expose .shape.
const workerKeys = Object.keys(WorkerConfigSchema.shape);
const apiKeys = Object.keys(ApiConfigSchema.shape);

/**
 * The Compose specification's schema (compose-spec/compose-spec, schema/compose-spec.json) as the dclint
 * package ships it, so nothing is fetched at test time. It is draft-07; its `$schema` is written with
 * https, which Ajv's draft-07 meta-schema id (http) does not match, so that one key is dropped.
 */
function composeSpecValidator() {
  const path = join(dirname(require.resolve('dclint/package.json')), 'schemas/compose.schema.json');
  const { $schema: _ignored, ...schema } = JSON.parse(readFileSync(path, 'utf8'));
  // strict: false, as the specification uses keywords Ajv's strict mode does not know (e.g. deprecated flags).
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  return (doc: unknown): string[] =>
    validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

describe('docker-compose.yml', () => {
  const names = ['postgresql', 'temporal', 'temporal-ui', 'mailsink', 'worker', 'api'];
  const validate = composeSpecValidator();

  it('is valid against the Compose specification', () => {
    expect(validate(parse(composeText))).toEqual([]);
  });

  it('would be refused by the same schema with a misspelt key, an unknown condition or a numeric interval', () => {
    // Negative controls: the validator above really checks this file's shape.
    const misspelt = parse(composeText);
    misspelt.services.api.helthcheck = misspelt.services.api.healthcheck;
    expect(validate(misspelt)).toContain('/services/api must NOT have additional properties');
    const condition = parse(composeText);
    condition.services.api.depends_on.worker.condition = 'service_ready';
    expect(validate(condition)).toContain(
      '/services/api/depends_on/worker/condition must be equal to one of the allowed values',
    );
    const interval = parse(composeText);
    interval.services.worker.healthcheck.interval = 15;
    expect(validate(interval)).toContain('/services/worker/healthcheck/interval must be string');
  });

  it('has the six services of the production-like topology and nothing else', () => {
    expect(Object.keys(services).sort()).toEqual([...names].sort());
  });

  it('gives every service an image or a build', () => {
    for (const [name, s] of Object.entries(services)) {
      expect({ name, ok: Boolean(s.image || s.build) }).toEqual({ name, ok: true });
    }
  });

  it('builds worker and api from the runtime stage and runs their compiled JavaScript, not ts-node', () => {
    expect(services.worker.command).toEqual(['node', 'dist/worker/index.js']);
    expect(services.api.command).toEqual(['node', 'dist/api/server.js']);
    for (const name of ['worker', 'api']) {
      const build = services[name].build;
      expect(typeof build === 'object' ? build.target : undefined).toBe('runtime');
      // tsc's rootDir is the project, so dist/<path>.js is compiled from <path>.ts.
      const script = (services[name].command as string[])[1];
      expect(existsSync(resolve(root, script.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    }
  });

  it('health-checks every service', () => {
    for (const [name, s] of Object.entries(services))
      expect({ name, healthcheck: hasHealthcheck(s) }).toEqual({ name, healthcheck: true });
  });

  it("runs the worker's health check from its compiled source", () => {
    expect(services.worker.healthcheck?.test).toEqual(['CMD', 'node', 'dist/worker/healthcheck.js']);
    expect(existsSync(resolve(root, 'worker/healthcheck.ts'))).toBe(true);
  });

  it('waits for health only on services that have a health check, and depends only on services that exist', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const [target, condition] of Object.entries(dependsOn(s))) {
        expect({ name, target, exists: target in services }).toEqual({ name, target, exists: true });
        if (condition === 'service_healthy')
          expect({ name, target, healthcheck: hasHealthcheck(services[target]) }).toEqual({
            name,
            target,
            healthcheck: true,
          });
      }
    }
  });

  it('starts each service once what it needs is healthy', () => {
    // Worker: Temporal and the mail sink; API: Temporal and the worker (which registers the search
    // attributes the API's lists filter on); UI: Temporal; Temporal: PostgreSQL.
    expect(dependsOn(services.temporal)).toEqual({ postgresql: 'service_healthy' });
    expect(dependsOn(services['temporal-ui'])).toEqual({ temporal: 'service_healthy' });
    expect(dependsOn(services.worker)).toEqual({ temporal: 'service_healthy', mailsink: 'service_healthy' });
    expect(dependsOn(services.api)).toEqual({ temporal: 'service_healthy', worker: 'service_healthy' });
  });

  it('publishes ports on the host loopback only', () => {
    const published = Object.entries(services).flatMap(([name, s]) =>
      (s.ports ?? []).map((p) => ({ name, port: String(p) })),
    );
    expect(published.map((p) => p.port).sort()).toEqual([
      '127.0.0.1:1080:1080',
      '127.0.0.1:3000:3000',
      '127.0.0.1:7233:7233',
      '127.0.0.1:8233:8080',
    ]);
  });

  it('declares every named volume it mounts', () => {
    const mounted = Object.values(services).flatMap((s) =>
      (s.volumes ?? []).map((v) => (typeof v === 'string' ? v.split(':')[0] : (v.source ?? ''))),
    );
    expect(mounted.sort()).toEqual(['outbox', 'pgdata']);
    expect(Object.keys(compose.volumes ?? {}).sort()).toEqual(['outbox', 'pgdata']);
  });

  it('points worker and api at the temporal service, and the worker at the mail sink', () => {
    for (const name of ['worker', 'api']) expect(env(services[name]).TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(env(services.worker).SMTP_HOST).toBe('mailsink');
  });

  it('sets on the worker only variables WorkerConfigSchema reads', () => {
    const names = Object.keys(env(services.worker));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((k) => !workerKeys.includes(k))).toEqual([]);
  });

  it('sets on the api only variables ApiConfigSchema reads, listening beyond loopback inside its container', () => {
    const apiEnv = env(services.api);
    expect(Object.keys(apiEnv).filter((k) => !apiKeys.includes(k))).toEqual([]);
    expect(apiEnv.HOST).toBe('0.0.0.0');
  });

  it('gives the worker and api environments the schemas accept', () => {
    // ${NAME:-default} placeholders are replaced by their defaults, as compose does with nothing set.
    const resolved = (e: Record<string, string>) =>
      Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')]));
    const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
      (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues(WorkerConfigSchema.safeParse(resolved(env(services.worker))))).toEqual([]);
    expect(issues(ApiConfigSchema.safeParse(resolved(env(services.api))))).toEqual([]);
  });
});

/**
 * What tsc compiles for the image: the build config's files and every project file they import,
 * followed through relative imports the way tsc resolves them (packages are not followed).
 */
function projectFilesCompiled(): Set<string> {
  const config = ts.getParsedCommandLineOfConfigFile(
    resolve(root, 'tsconfig.build.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  )!;
  const seen = new Set<string>();
  const queue = [...config.fileNames];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8')).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const resolved = ts.resolveModuleName(fileName, file, config.options, ts.sys).resolvedModule?.resolvedFileName;
      if (resolved && !resolved.includes('/node_modules/')) queue.push(resolved);
    }
  }
  return seen;
}

interface Stage {
  name: string;
  base: string;
  lines: string[];
}

/** The Dockerfile's stages, each with its instructions (continuation lines joined, comments dropped). */
function stages(text: string): Stage[] {
  const instructions = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const out: Stage[] = [];
  for (const line of instructions) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?$/i.exec(line);
    if (from) out.push({ base: from[1], name: from[2] ?? '', lines: [] });
    else if (out.length) out[out.length - 1].lines.push(line);
  }
  return out;
}

describe('Dockerfile', () => {
  const all = stages(dockerfile);
  const stage = (name: string) => all.find((s) => s.name === name)!;
  const copies = (s: Stage) => s.lines.filter((l) => /^COPY\s/i.test(l)).map((l) => l.split(/\s+/).slice(1));

  it('has the deps, build, prod-deps and runtime stages, the runtime last', () => {
    expect(all.map((s) => s.name)).toEqual(['deps', 'build', 'prod-deps', 'runtime']);
    expect(stage('build').base).toBe('deps');
  });

  it('copies from earlier stages only', () => {
    all.forEach((s, i) => {
      for (const args of copies(s)) {
        const from = args.find((a) => a.startsWith('--from='))?.slice('--from='.length);
        if (from)
          expect({ stage: s.name, from, earlier: all.slice(0, i).some((e) => e.name === from) }).toEqual({
            stage: s.name,
            from,
            earlier: true,
          });
      }
    });
  });

  it('installs from the lockfile: everything to build, production dependencies only to run', () => {
    expect(stage('deps').lines.some((l) => /^RUN npm ci --ignore-scripts\b/.test(l))).toBe(true);
    expect(stage('prod-deps').lines.some((l) => /^RUN npm ci --omit=dev --ignore-scripts\b/.test(l))).toBe(true);
  });

  it('builds with npm run build, which compiles, copies the data files and bundles the workflows', () => {
    expect(stage('build').lines).toContain('RUN npm run build');
    const scripts = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).scripts;
    expect(scripts.build).toBe(
      'tsc -p tsconfig.build.json && node scripts/copyBuildAssets.js && node scripts/buildWorkflowBundle.js',
    );
  });

  it('gives the build stage every directory the compiled program and its data files come from', () => {
    const copied = new Set(
      copies(stage('build'))
        .filter((a) => !a[0].startsWith('--'))
        .flatMap((a) => a.slice(0, -1)),
    );
    const topDirs = (files: Iterable<string>) => [
      ...new Set([...files].map((f) => f.slice(root.length + 1).split('/')[0])),
    ];
    const compiled = topDirs(projectFilesCompiled());
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ASSETS } = require('../../scripts/copyBuildAssets.js') as { ASSETS: { from: string }[] };
    const needed = [...compiled, ...ASSETS.map((a) => a.from.split('/')[0]), 'tsconfig.json', 'tsconfig.build.json'];
    expect(needed.filter((d) => !copied.has(d))).toEqual([]);
    expect(compiled).toEqual(
      expect.arrayContaining(['worker', 'api', 'workflows', 'services', 'management', 'engine']),
    );
  });

  it('copies into the image only what exists and .dockerignore lets through', () => {
    const ignored = readFileSync(resolve(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    for (const s of all) {
      for (const args of copies(s).filter((a) => !a[0].startsWith('--'))) {
        for (const src of args.slice(0, -1)) {
          expect({ src, exists: existsSync(resolve(root, src)), ignored: ignored.includes(src) }).toEqual({
            src,
            exists: true,
            ignored: false,
          });
        }
      }
    }
  });

  it('runs compiled code as a non-root user, with the prebuilt workflow bundle', () => {
    const runtime = stage('runtime');
    expect(copies(runtime)).toEqual([
      ['--from=prod-deps', '/app/node_modules', './node_modules'],
      ['--from=build', '/app/dist', './dist'],
      ['package.json', './'],
    ]);
    expect(runtime.lines).toContain('WORKDIR /app');
    expect(runtime.lines).toContain('USER node');
    expect(runtime.lines).toContain('CMD ["node", "dist/worker/index.js"]');
    expect(runtime.lines.join('\n')).not.toMatch(/ts-node|\.ts\b/);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DEFAULT_BUNDLE } = require('../../scripts/buildWorkflowBundle.js') as { DEFAULT_BUNDLE: string };
    expect(runtimeEnv().WORKFLOW_BUNDLE).toBe(`/app/${DEFAULT_BUNDLE}`);
  });

  it("sets only variables the worker or API read (and Node's own NODE_OPTIONS)", () => {
    const known = new Set([...workerKeys, ...apiKeys, 'NODE_OPTIONS']);
    expect(Object.keys(runtimeEnv()).filter((k) => !known.has(k))).toEqual([]);
  });

  /** ENV KEY=value pairs of the runtime stage. */
  function runtimeEnv(): Record<string, string> {
    const pairs = stage('runtime')
      .lines.filter((l) => /^ENV\s/.test(l))
      .flatMap((l) => l.replace(/^ENV\s+/, '').split(/\s+/));
    return Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  }
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
