/**
 * The package as a user gets it: `npm pack` (which builds lib/ by `prepack`), installed from the tarball in an
 * empty folder with `npm install --omit=dev`, then the bin, a plain-Node `import`, and the type declarations.
 * One pack per run (beforeAll).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/engine/check.ts';
import { planRestart } from '../../src/engine/index.ts';
import { planToFhirBundle } from '../../src/export/fhir.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const examplePath = join(ROOT, 'examples', 'oxycodone-after-prison.json');
const example = JSON.parse(readFileSync(examplePath, 'utf8'));

let dir = '';
let app = '';
let files: string[] = [];
let tarball = '';

function npm(args: string[], cwd: string) {
  return spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'retitrate-pack-'));
  const packed = npm(['pack', '--json', '--pack-destination', dir], ROOT);
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as [{ filename: string; files: { path: string }[] }];
  files = info.files.map((f) => f.path);
  tarball = join(dir, info.filename);
  app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // From the local cache when it holds every package; else the registry for what is missing.
  let installed = npm(['install', '--omit=dev', '--offline', tarball], app);
  if (installed.status !== 0) installed = npm(['install', '--omit=dev', '--prefer-offline', tarball], app);
  if (installed.status !== 0) throw new Error(`npm install failed: ${installed.stderr}`);
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Bytes of every file under `path` (apparent size, as `du -sb`), symlinks not followed. */
function treeBytes(path: string): number {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + treeBytes(join(path, entry)), 0);
}

/** Installed package names under node_modules (scoped ones as @scope/name), .bin and lock files left out. */
function installedPackages(modules: string): string[] {
  return readdirSync(modules)
    .filter((entry) => !entry.startsWith('.'))
    .flatMap((entry) => (entry.startsWith('@') ? readdirSync(join(modules, entry)).map((name) => `${entry}/${name}`) : [entry]))
    .sort();
}

function bin(args: string[], input?: string) {
  const result = spawnSync(join(app, 'node_modules', '.bin', 'retitrate'), args, { cwd: app, input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm pack', () => {
  it('ships the built library, bin, declarations, schemas and examples, and no sources or tests', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'lib/index.js', 'lib/cli.js', 'lib/types/package/index.d.ts', 'examples/oxycodone-after-prison.json']));
    expect(files.filter((f) => /^(src|tests|e2e|bench|scripts)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('installs with no dev dependencies (no tsx, no vite)', () => {
    const installed = JSON.parse(readFileSync(join(app, 'node_modules', 'retitrate', 'package.json'), 'utf8'));
    expect(installed.version).toBe(version);
    expect(() => readFileSync(join(app, 'node_modules', 'tsx', 'package.json'))).toThrow();
    expect(() => readFileSync(join(app, 'node_modules', 'vite', 'package.json'))).toThrow();
  });

  it('installs only the packages its type declarations name: no React, no app or server dependencies, under 12 MB', () => {
    // lib/*.js bundles every runtime dependency; decimal.js and zod stay dependencies because the declarations
    // (Decimal in the engine types, the exported zod schemas) import their types. Before the app's dependencies
    // were moved to devDependencies the same install held 22 packages, 34.5 MB (React, react-dom, date-fns, hono…).
    const modules = join(app, 'node_modules');
    expect(installedPackages(modules)).toEqual(['decimal.js', 'retitrate', 'zod']);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['decimal.js', 'zod']);
    const bytes = treeBytes(modules);
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(bytes).toBeLessThan(12_000_000);
    // The bundle imports nothing but Node's own modules and its own chunks.
    for (const file of readdirSync(join(modules, 'retitrate', 'lib')).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(modules, 'retitrate', 'lib', file), 'utf8');
      const specifiers = [...code.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!);
      expect(specifiers.filter((spec) => !spec.startsWith('node:') && !spec.startsWith('./')), file).toEqual([]);
    }
  });
});

describe('the installed retitrate bin', () => {
  it('plan FILE: the same plan as the engine in this repository, exit 0', () => {
    const { code, stdout } = bin(['plan', examplePath]);
    expect(code).toBe(0);
    const expected = planRestart(example);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected.ok && expected.plan)));
  });

  it('plan - with invalid fields: exit 2 and the field errors', () => {
    const { code, stdout } = bin(['plan', '-'], JSON.stringify({ ...example, prior: { dose: 'ten', unit: 'mg', timesPerDay: 4 } }));
    expect(code).toBe(2);
    expect(JSON.parse(stdout).errors.map((e: { path: string }) => e.path)).toEqual(['prior.dose']);
  });

  it('check: exit 0 within, 1 exceeds', () => {
    expect(bin(['check', join(ROOT, 'examples', 'check-within.json')]).code).toBe(0);
    const exceeds = bin(['check', '-'], readFileSync(join(ROOT, 'examples', 'check-exceeds.json'), 'utf8'));
    expect(exceeds.code).toBe(1);
    expect(JSON.parse(exceeds.stdout).verdict).toBe('exceeds');
  });

  it('list, --help, --version; usage errors exit 64', () => {
    expect(JSON.parse(bin(['list']).stdout).length).toBeGreaterThan(50);
    expect(bin(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('retitrate plan FILE|-') });
    expect(bin(['--version'])).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`^retitrate ${version.replace(/\./g, '\\.')} \\(engine `)) });
    expect(bin([])).toMatchObject({ code: 64, stdout: '' });
    expect(bin(['plan'])).toMatchObject({ code: 64, stdout: '' });
  });

  it('plan --ndjson with worker threads: results in input order, line numbers on errors', () => {
    const good = JSON.stringify(example);
    const bad = JSON.stringify({ ...example, restartDate: 'later' });
    // 1,000 lines: several batches across the threads.
    const lines = Array.from({ length: 1000 }, (_, i) => (i % 7 === 3 ? bad : good));
    const { code, stdout } = bin(['plan', '--ndjson', '--threads', '2', '-'], `${lines.join('\n')}\n`);
    expect(code).toBe(2);
    const results = stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(results).toHaveLength(1000);
    results.forEach((result, i) => {
      if (i % 7 === 3) expect(result).toMatchObject({ line: i + 1, errors: [{ path: 'restartDate' }] });
      else expect(result).toMatchObject({ drug: 'oxycodone', daysOff: 27 });
    });
  });
});

describe('import from plain Node', () => {
  it('planRestart, checkSchedule, listDrugs and the exports give what the repository engine gives', () => {
    const script = `
      import { planRestart, checkSchedule, listDrugs, planToFhirBundle, clinicalNote, scheduleCsv, scheduleIcs, ENGINE_VERSION } from 'retitrate';
      import { readFileSync } from 'node:fs';
      const request = JSON.parse(readFileSync(${JSON.stringify(examplePath)}, 'utf8'));
      const planned = planRestart(request);
      const checked = checkSchedule(JSON.parse(readFileSync(${JSON.stringify(join(ROOT, 'examples', 'check-exceeds.json'))}, 'utf8')));
      console.log(JSON.stringify({
        plan: planned.plan, verdict: checked.result.verdict, drugs: listDrugs().length, engine: ENGINE_VERSION,
        fhir: planToFhirBundle(planned.plan, { authoredOn: '2026-11-28' }),
        note: clinicalNote(planned.plan, { calculatedOn: '2026-11-28' }).split('\\n')[0],
        csv: typeof scheduleCsv(planned.plan), ics: typeof scheduleIcs,
      }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' }));
    const expected = planRestart(example);
    if (!expected.ok) throw new Error('example must plan');
    expect(out.plan).toEqual(JSON.parse(JSON.stringify(expected.plan)));
    expect(out.verdict).toBe((checkSchedule(JSON.parse(readFileSync(join(ROOT, 'examples', 'check-exceeds.json'), 'utf8'))) as { result: { verdict: string } }).result.verdict);
    expect(out.drugs).toBeGreaterThan(50);
    expect(out.fhir).toEqual(JSON.parse(JSON.stringify(planToFhirBundle(expected.plan, { authoredOn: '2026-11-28' }))));
    expect(out.note).toBe('RESTART PLAN: oxyCODONE immediate-release tablet');
    expect(out).toMatchObject({ csv: 'string', ics: 'function' });
  });

  it('the README library example runs as printed, from the consumer folder', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Library'));
    const code = /```js\n([\s\S]*?)```/.exec(section)![1]!;
    expect(code).toContain("from 'retitrate'");
    writeFileSync(join(app, 'readme-example.mjs'), code);
    const run = spawnSync(process.execPath, ['readme-example.mjs'], { cwd: app, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const expected = planRestart(example);
    if (!expected.ok) throw new Error('example must plan');
    expect(run.stdout).toContain(`'${expected.plan.steps[0]!.start}: ${expected.plan.steps[0]!.dailyDose.amount} ${expected.plan.steps[0]!.dailyDose.unit}/day'`);
  });

  it('the type declarations resolve and type the API (tsc on a consumer file)', () => {
    writeFileSync(
      join(app, 'consumer.ts'),
      `import { planRestart, checkSchedule, listDrugs, type RestartPlan, type PlanResult, type CheckOutcome } from 'retitrate';
const result: PlanResult = planRestart({ drug: 'morphine' });
const outcome: CheckOutcome = checkSchedule({});
const ids: string[] = listDrugs().map((d) => d.id);
if (result.ok) { const plan: RestartPlan = result.plan; const first: string = plan.steps[0]!.dailyDose.amount; void first; }
// @ts-expect-error a plan result is not a number
const wrong: number = planRestart({});
void outcome; void ids; void wrong;
`,
    );
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['consumer.ts'] }));
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 60_000);
});
