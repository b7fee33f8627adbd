// dependency-cruiser: the import boundaries between the layers, checked by `npm run lint` (`depcruise`)
// and proved rule by rule in test/unit/boundaries.test.ts, which cruises a small tree with one deliberate
// violation per rule. Paths are relative to the repository root; a package's path is matched wherever its
// node_modules is, since a node_modules that is a symlink (a git worktree sharing another's) resolves to
// the real path outside the repository.
//
//   engine/      the pure core: no Temporal, no Node I/O, no outer layer (profiles/ is the Node loader;
//                engine/profile holds the schema)
//   workflows/   Temporal's sandbox: engine/, @temporalio/workflow (and @temporalio/common, which the
//                workflow package itself bundles), and activities/ for their types only (proxyActivities)
//   api/         reaches Temporal through services/, never through the worker, its activities or workflows
//   everywhere   no cycles (type-only ones too); every import resolves; production code never imports
//                test/, bench/ or harness/ (the stack starters tests and benchmarks share)

/** Directories that ship: everything but test/, bench/ and harness/. */
const PRODUCTION = '^(engine|workflows|services|management|activities|worker|api|profiles|scripts)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-no-temporal',
      comment: 'engine/ is the pure core that workflows, services and the API all share: it knows nothing of Temporal.',
      severity: 'error',
      from: { path: '^engine/' },
      to: { path: '(^|/)node_modules/@temporalio/' },
    },
    {
      name: 'engine-no-node-io',
      comment:
        'engine/ runs inside the workflow sandbox: no Node built-in (fs, path, node:*, ...). ' +
        'I/O belongs to profiles/, activities/ or services/.',
      severity: 'error',
      from: { path: '^engine/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'engine-no-outer-layers',
      comment:
        'engine/ imports only engine/ and pure packages, never a layer built on top of it ' +
        '(the profile schema is engine/profile; profiles/ is the Node loader).',
      severity: 'error',
      from: { path: '^engine/' },
      to: { path: '^(api|activities|worker|workflows|services|management|profiles|scripts)/' },
    },
    {
      name: 'workflows-only-engine-and-temporal-workflow',
      comment:
        'Workflow code is bundled into the Temporal sandbox: it may import workflows/, engine/ and ' +
        '@temporalio/workflow (and @temporalio/common, bundle-safe and a dependency of the workflow ' +
        'package); activities/ only for types (workflows-activities-type-only).',
      severity: 'error',
      from: { path: '^workflows/' },
      to: {
        pathNot: ['^(workflows|engine|activities)/', '(^|/)node_modules/@temporalio/(workflow|common)/'],
      },
    },
    {
      name: 'workflows-activities-type-only',
      comment:
        'A workflow names its activities through proxyActivities<typeof ...>: a type-only import. ' +
        'Importing activity code would pull Node I/O into the sandbox.',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { path: '^activities/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'api-not-to-worker',
      comment:
        'api/ depends on services/ for Temporal (the ClockService), not on the worker: not on worker/, ' +
        'activities/, workflows/, nor any @temporalio package.',
      severity: 'error',
      from: { path: '^api/' },
      to: { path: ['^(worker|activities|workflows)/', '(^|/)node_modules/@temporalio/'] },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only ones included: each module sits above the ones it imports.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'production-not-to-test',
      comment: 'Nothing that ships imports test/, bench/ or harness/ code.',
      severity: 'error',
      from: { path: PRODUCTION },
      to: { path: '^(test|bench|harness)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves (to a file in the repository, a package or a Node built-in).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^(dist|\\.temporal|\\.data|coverage)/'] },
    // Type-only imports count: a cycle or boundary crossing through types is still one to see.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.js', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
