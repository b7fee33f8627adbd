import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { ProfileError, ProfileRegistry } from '../../profiles/load';
import type { Source } from '../../engine/profile/schema';

// Citations name 'seeds/<file>', relative to profiles/ where the source documents are vendored.
const CITED = resolve(__dirname, '../../profiles');
const dataDir = resolve(__dirname, '../../profiles/data');
const raw = Object.fromEntries(
  readdirSync(dataDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace('.json', ''), JSON.parse(readFileSync(resolve(dataDir, f), 'utf8'))]),
);
const registry = ProfileRegistry.fromFiles(raw);
const clone = () => JSON.parse(JSON.stringify(raw));

describe('the five profiles', () => {
  test('load, and resolve every process for every LA', () => {
    expect(registry.ids()).toEqual(['bracknell-forest', 'derbyshire', 'england', 'northamptonshire', 'york']);
    for (const id of registry.ids()) {
      // Only Derbyshire's standards describe a corporate complaints procedure (seed 000 L1560-1568).
      const corporate = id === 'derbyshire' ? ['complaint-corporate'] : [];
      expect(registry.processTypes(id)).toEqual([
        'child-in-need-plan',
        'child-protection-enquiry',
        'child-protection-plan',
        ...corporate,
        'complaint-statutory',
        'looked-after',
        'pathway-plan',
        'referral',
        'single-assessment',
      ]);
      expect(registry.resolve(id, 'referral').steps.map((s) => s.key)).toEqual(['referral-decision']);
      expect(registry.resolve(id, 'single-assessment').steps.map((s) => s.key)).toContain('assessment-complete');
      // Every profile has a strategy discussion step (England's product default where the LA sets none), so an enquiry started from a referral always counts.
      // Derbyshire and York see the child within 24 hours of the enquiry's start (000 L570, 004 L400).
      // Bracknell acts within 24 hours where the child needs immediate protection (002 L165).
      const seen = id === 'derbyshire' || id === 'york' ? ['child-seen'] : [];
      const immediate = id === 'bracknell-forest' ? ['immediate-protection'] : [];
      expect(
        registry
          .resolve(id, 'child-protection-enquiry')
          .steps.map((s) => s.key)
          .sort(),
      ).toEqual([...seen, 'icpc', ...immediate, 's47-complete', 'strategy-discussion']);
      expect(
        registry
          .resolve(id, 'child-protection-plan')
          .steps.map((s) => s.key)
          .sort(),
      ).toEqual(['core-group', 'core-group-initial', 'cp-visit', 'rcpc']);
      expect(
        registry
          .resolve(id, 'child-in-need-plan')
          .steps.map((s) => s.key)
          .sort(),
      ).toEqual(['cin-plan', 'cin-review', 'cin-visit']);
    }
  });

  test('child protection rules per LA, as their standards give them', () => {
    const rule = (la: string, type: string, key: string) =>
      registry.resolve(la, type).steps.find((s) => s.key === key)!;
    // ICPC: England counts from the last strategy discussion; the four LAs from the one that started the S47.
    expect(rule('england', 'child-protection-enquiry', 'icpc')).toMatchObject({
      anchor: 'strategy-discussion',
      anchorPick: 'latest',
      due: { value: 15, unit: 'working-days' },
      meeting: true,
    });
    for (const la of ['derbyshire', 'northamptonshire', 'bracknell-forest', 'york'])
      expect(rule(la, 'child-protection-enquiry', 'icpc').anchorPick).toEqual({ latestOnOrBefore: 's47-start' });
    expect(rule('derbyshire', 'child-protection-enquiry', 'strategy-discussion')).toMatchObject({
      due: { value: 24, unit: 'hours' },
      source: { lines: 567 },
    });
    expect(rule('york', 'child-protection-enquiry', 'icpc').also).toEqual([
      expect.objectContaining({ anchor: 'transfer-notification', due: { value: 15, unit: 'working-days' } }),
    ]);
    expect(rule('derbyshire', 'child-protection-plan', 'core-group')).toMatchObject({
      due: { value: 6, unit: 'weeks' },
      repeat: { every: { value: 6, unit: 'weeks' } },
    });
    expect(rule('york', 'child-protection-plan', 'cp-visit')).toMatchObject({
      due: { value: 7, unit: 'working-days' },
      repeat: { every: { value: 20, unit: 'working-days' } },
      visit: true,
    });
    expect(rule('northamptonshire', 'child-in-need-plan', 'cin-review')).toMatchObject({
      due: { value: 40, unit: 'working-days' },
    });
    expect(rule('bracknell-forest', 'child-in-need-plan', 'cin-visit').repeat).toMatchObject({
      every: { value: 15, unit: 'working-days' },
      adjustable: { loosest: { value: 6, unit: 'weeks' }, approverRole: 'team-manager' },
    });
    // Product defaults are not national rules: a longer LA interval is not flagged as looser than national.
    expect(rule('york', 'child-protection-plan', 'core-group').looserThanNational).toBeUndefined();
  });

  test('every seed citation quotes the cited lines of the seed file verbatim', () => {
    const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
    const sources: { where: string; source: Source }[] = [];
    for (const id of registry.ids()) {
      for (const type of registry.processTypes(id)) {
        for (const step of registry.resolve(id, type).steps) {
          sources.push({ where: `${id}/${type}/${step.key}`, source: step.source });
          if (step.extension)
            sources.push({ where: `${id}/${type}/${step.key}/extension`, source: step.extension.source });
          if (step.repeat?.source)
            sources.push({ where: `${id}/${type}/${step.key}/repeat`, source: step.repeat.source });
          if (step.repeat?.adjustable)
            sources.push({
              where: `${id}/${type}/${step.key}/repeat.adjustable`,
              source: step.repeat.adjustable.source,
            });
          for (const [i, alt] of (step.also ?? []).entries())
            sources.push({ where: `${id}/${type}/${step.key}/also.${i}`, source: alt.source });
          for (const [i, v] of (step.variants ?? []).entries())
            sources.push({ where: `${id}/${type}/${step.key}/variants.${i}`, source: v.source });
        }
      }
    }
    const seeds = sources.filter((s) => s.source.kind === 'seed');
    expect(seeds.length).toBeGreaterThanOrEqual(60);
    for (const { where, source } of seeds) {
      if (source.kind !== 'seed') continue;
      const lines = readFileSync(resolve(CITED, source.file), 'utf8').split('\n');
      const [from, to] = Array.isArray(source.lines) ? source.lines : [source.lines, source.lines];
      const text = collapse(lines.slice(from - 1, to).join(' '));
      expect({ where, found: text.includes(collapse(source.quote)) }).toEqual({ where, found: true });
    }
  });

  test('the vendored source documents are unchanged: each has the SHA-256 profiles/seeds/README.md records', () => {
    const vendored = readdirSync(resolve(CITED, 'seeds'))
      .filter((f) => f.endsWith('.txt'))
      .sort();
    expect(vendored).toEqual([
      '000_ef8a5146208a670e.txt',
      '001_ef5ea336eb390b31.txt',
      '002_d3c35aaf0d515318.txt',
      '003_5c9e4a305947e2c0.txt',
      '004_f2e1f3448572bbb0.txt',
    ]);
    const readme = readFileSync(resolve(CITED, 'seeds', 'README.md'), 'utf8');
    for (const f of vendored) {
      const recorded = new RegExp(`\\| ${f.replace('.', '\\.')} \\|.*\\| ([0-9a-f]{64}) \\|`).exec(readme)?.[1];
      const actual = createHash('sha256')
        .update(readFileSync(resolve(CITED, 'seeds', f)))
        .digest('hex');
      expect({ f, actual }).toEqual({ f, actual: recorded });
    }
  });

  test('Derbyshire single assessment: 5, 7 and 45 WD from the referral decision (practice standards L17, L18, L507)', () => {
    const r = registry.resolve('derbyshire', 'single-assessment');
    const byKey = Object.fromEntries(r.steps.map((s) => [s.key, s]));
    expect(byKey['initial-visit']).toMatchObject({
      anchor: 'referral-decision',
      due: { value: 5, unit: 'working-days' },
      source: { lines: 17 },
    });
    expect(byKey['assessment-plan']).toMatchObject({
      anchor: 'referral-decision',
      due: { value: 7, unit: 'working-days' },
      source: { lines: 18 },
    });
    expect(byKey['assessment-complete']).toMatchObject({
      anchor: 'referral-decision',
      due: { value: 45, unit: 'working-days' },
    });
  });

  test('rules looser than national are flagged; tighter ones are not', () => {
    const flag = (id: string) =>
      registry.resolve(id, 'single-assessment').steps.find((s) => s.key === 'assessment-complete')!.looserThanNational;
    expect(flag('derbyshire')).toMatch(
      /counted from referral-decision, which comes after the national anchor referral-received/,
    );
    expect(flag('york')).toBeUndefined(); // 45 WD from the referral (004 L358, read as the national rule)
    expect(flag('bracknell-forest')).toBeUndefined(); // 35 WD from the referral: tighter
    expect(flag('england')).toBeUndefined();
  });

  test('a change to a profile changes its version hash (running processes keep the one they started on)', () => {
    const edited = clone();
    edited.derbyshire.processes['single-assessment'].steps['initial-visit'].due.value = 4;
    const v1 = registry.resolve('derbyshire', 'single-assessment').version;
    const v2 = ProfileRegistry.fromFiles(edited).resolve('derbyshire', 'single-assessment').version;
    expect(v1).not.toEqual(v2);
    expect(registry.resolve('york', 'single-assessment').version).toEqual(
      ProfileRegistry.fromFiles(edited).resolve('york', 'single-assessment').version,
    );
  });
});

describe('a bad profile is refused with a message naming the rule', () => {
  const problems = (files: Record<string, unknown>) => {
    try {
      ProfileRegistry.fromFiles(files);
    } catch (err) {
      expect(err).toBeInstanceOf(ProfileError);
      return (err as ProfileError).problems;
    }
    throw new Error('expected a ProfileError');
  };

  test('unknown unit', () => {
    const f = clone();
    f.derbyshire.processes['single-assessment'].steps['initial-visit'].due.unit = 'fortnights';
    expect(problems(f).join('\n')).toMatch(
      /^derbyshire: processes\.single-assessment\.steps\.initial-visit\.due\.unit: /m,
    );
  });

  test('anchor the process does not have', () => {
    const f = clone();
    f.york.processes['single-assessment'].steps['initial-visit'].anchor = 'allocaton';
    expect(problems(f)).toContain(
      "york: processes.single-assessment.steps.initial-visit.anchor: 'allocaton' is neither an anchor of single-assessment (referral-received, referral-decision, allocation, assessment-start) nor one of its steps",
    );
  });

  test('a new step without a source', () => {
    const f = clone();
    f.derbyshire.processes['single-assessment'].steps['child-seen'] = {
      title: 'Child seen',
      anchor: 'referral-received',
      due: { value: 7, unit: 'working-days' },
      kind: 'local',
    };
    expect(problems(f).join('\n')).toMatch(/derbyshire: processes\.single-assessment\.steps\.child-seen\.source: /);
  });

  test('a seed citation that is not a seed file, and a ladder out of order', () => {
    const f = clone();
    f.derbyshire.processes['single-assessment'].steps['initial-visit'].source.file = 'derbyshire.pdf';
    f.york.ladder = [
      { tier: 'overdue', role: 'team-manager', workingDaysFromDue: 3 },
      { tier: 'escalated', role: 'service-manager', workingDaysFromDue: 1 },
    ];
    const p = problems(f).join('\n');
    expect(p).toMatch(
      /derbyshire: processes\.single-assessment\.steps\.initial-visit\.source\.file: a seed file as seeds\/NNN_<hash>\.txt/,
    );
    expect(p).toMatch(/york: ladder: tiers must be in the order reminder, overdue, escalated, critical/);
  });

  test('inheriting from a profile that does not exist', () => {
    const f = clone();
    f.york.inherits = 'englnd';
    expect(problems(f)).toContain("york: inherits 'englnd', which does not exist");
  });
});

describe('the worker refuses to start on a bad profile', () => {
  test('exits 1 naming the rule, before touching Temporal', () => {
    const dir = mkdtempSync(resolve(tmpdir(), 'profiles-'));
    const f = clone();
    f.derbyshire.processes['single-assessment'].steps['assessment-plan'].due.value = -7;
    for (const [id, data] of Object.entries(f)) writeFileSync(resolve(dir, `${id}.json`), JSON.stringify(data));
    const root = resolve(__dirname, '../..');
    // Port 1 on loopback: nothing listens, so reaching Temporal would fail differently.
    const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'worker/index.ts'], {
      cwd: root,
      env: { ...process.env, PROFILE_DIR: dir, TEMPORAL_ADDRESS: '127.0.0.1:1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /worker failed to start: invalid LA profile\(s\):\n {2}- derbyshire: processes\.single-assessment\.steps\.assessment-plan\.due\.value: /,
    );
  });
});
