// The app as the installers would ship it, built offline: `electron-builder --linux dir` around a stand-in Electron
// binary, then app.asar opened and inspected. It must hold the built app and its runtime dependencies only — no
// sources, tests, fixtures, docs, scripts or dev tools — and the binary's fuses must be flipped.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, getRawHeader, type DirectoryRecord } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, packDir, productionPackagePaths, projectFiles, REQUIRED_FUSES, root, type PackedApp } from './builder';

let workDir: string;
let packed: PackedApp;
/** Every file in app.asar, relative, with forward slashes. */
let files: string[];

beforeAll(async () => {
  // `npm test` builds first; run on its own, build only when nothing is built yet.
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  workDir = await mkdtemp(join(tmpdir(), 'second-step-pack-'));
  const started = performance.now();
  packed = await packDir(workDir, await loadConfig());
  files = filesIn(getRawHeader(packed.asar).header);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const megabytes = (statSync(packed.asar).size / 1024 / 1024).toFixed(1);
  console.log(`packaging: --dir build with a stand-in Electron in ${seconds} s; app.asar holds ${files.length} files (${megabytes} MB)`);
});
afterAll(() => (workDir ? rm(workDir, { recursive: true, force: true }) : undefined));

function filesIn(directory: DirectoryRecord, prefix = ''): string[] {
  return Object.entries(directory.files).flatMap(([name, entry]) =>
    'files' in entry ? filesIn(entry, `${prefix}${name}/`) : [`${prefix}${name}`],
  );
}

const appFiles = () => files.filter((path) => !path.startsWith('node_modules/'));
const readJson = (path: string) => JSON.parse(extractFile(packed.asar, path).toString('utf8')) as Record<string, unknown>;

describe('app.asar', () => {
  it('holds the built app: every bundle of out/main, out/preload and out/renderer, package.json, the window icon and the tray icons', () => {
    const built = ['out/main', 'out/preload', 'out/renderer']
      .flatMap(projectFiles)
      .filter((path) => path !== 'out/main/preview.js' && !path.endsWith('.map'));
    const tray = ['tray.png', 'tray@2x.png', 'trayTemplate.png', 'trayTemplate@2x.png'].map((f) => `resources/tray/${f}`);
    expect(appFiles().sort()).toEqual([...built, 'package.json', 'resources/icons/512x512.png', ...tray].sort());
  });

  it('starts where package.json says, with the preload and the pages the windows load', () => {
    const main = readJson('package.json')['main'] as string;
    for (const entry of [main, 'out/preload/index.cjs', 'out/renderer/overlay.html', 'out/renderer/wrapup.html', 'out/renderer/review.html']) {
      expect(files).toContain(entry);
    }
  });

  it('resolves every script and stylesheet the pages reference', () => {
    for (const page of files.filter((path) => /^out\/renderer\/[^/]+\.html$/.test(path))) {
      const html = extractFile(packed.asar, page).toString('utf8');
      const references = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((match) => `out/renderer/${match[1]}`);
      expect(references.length).toBeGreaterThan(0);
      for (const reference of references) expect(files).toContain(reference);
    }
  });

  it('holds exactly the production dependencies (package-lock.json without dev packages) in node_modules', () => {
    const packages = new Set(
      files
        .filter((path) => path.startsWith('node_modules/') && path.endsWith('/package.json'))
        .map((path) => path.slice(0, -'/package.json'.length))
        // a package's own package.json, not one inside its folders (e.g. dist/esm/package.json)
        .filter((dir) => /^(node_modules\/(@[^/]+\/)?[^/]+\/?)+$/.test(dir)),
    );
    expect([...packages].sort()).toEqual(productionPackagePaths());
  });

  it('holds no dev tools: devDependencies stay out, and React is bundled into the pages, not shipped as a package', () => {
    const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const devDependencies = Object.keys(project.devDependencies);
    // electron-builder drops them from the packed package.json too.
    expect(Object.keys(readJson('package.json'))).not.toContain('devDependencies');
    for (const tool of [...devDependencies, 'electron', 'vite', 'vitest', 'playwright-core', 'typescript', 'react', 'react-dom', 'electron-builder', 'eslint', 'jsdom']) {
      expect(files.some((path) => path.startsWith(`node_modules/${tool}/`))).toBe(false);
    }
  });

  it('holds no sources, tests, fixtures, docs, scripts, coverage or dev output of ours', () => {
    const topLevel = new Set(files.map((path) => path.split('/')[0]));
    expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json', 'resources']);
    for (const path of appFiles()) {
      expect(path).not.toMatch(/^(electron|renderer|shared|tests|docs|scripts|coverage|dist)\//);
      expect(path).not.toMatch(/^out\/(e2e-|screenshots|tsc|tmp)/);
      expect(path).not.toMatch(/(^|\/)(fixtures?|__tests__)\//);
    }
    // No TypeScript anywhere (dependencies ship theirs; nothing loads it at run time) and no source maps.
    expect(files.filter((path) => /\.(tsx?|mts|cts|map)$/.test(path))).toEqual([]);
  });

  it('is the only thing next to the app: nothing unpacked beside it', () => {
    expect(readdirSync(join(packed.appOutDir, 'resources'))).toEqual(['app.asar']);
  });
});

describe('the packed Electron binary', () => {
  it('has the security fuses flipped as electron-builder.yml asks', async () => {
    const wire = await getCurrentFuseWire(packed.executable);
    const state = (fuse: FuseV1Options) => String.fromCharCode(wire[fuse] as number);
    const expected = {
      runAsNode: FuseV1Options.RunAsNode,
      enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
      enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
      enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
      onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
      enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
      grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
    } satisfies Record<keyof typeof REQUIRED_FUSES, FuseV1Options>;
    for (const [name, fuse] of Object.entries(expected)) {
      expect([name, state(fuse)]).toEqual([name, REQUIRED_FUSES[name as keyof typeof REQUIRED_FUSES] ? '1' : '0']);
    }
  });
});
