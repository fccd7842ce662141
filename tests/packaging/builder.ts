// Runs under vitest's "packaging" project. electron-builder driven the way `npm run dist` drives it, minus the one
// step that needs the internet (downloading Electron): the config is loaded and validated by electron-builder's own
// code, and a `--dir` build packs the app around a stand-in Electron binary.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import type { Configuration } from 'electron-builder';

export const root = resolve(import.meta.dirname, '../..');

// app-builder-lib is electron-builder's engine (a dependency of it, not of ours): resolve it from there.
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));

interface ConfigApi {
  /** Reads electron-builder.yml (or package.json's "build") and merges electron-builder's defaults, as the CLI does. */
  getConfig(projectDir: string, configPath: string | null, configFromOptions: Configuration | null): Promise<Configuration>;
  /** The CLI's own check: the deprecated-option rules, then scheme.json through ajv. Throws on an invalid config. */
  validateConfiguration(config: Configuration, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
}
const configApi = requireFromBuilder('app-builder-lib/out/util/config/config.js') as ConfigApi;

/** The fuse policy (from Electron's security checklist): no way to run the binary as plain Node or attach an inspector, the app only
 * from its asar and that asar checked, cookies encrypted, and no extra privileges for file:// (pages come from app://). */
export const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
} as const;

export const loadConfig = () => configApi.getConfig(root, null, null);
export const validateConfig = (config: Configuration) => configApi.validateConfiguration(config, { isEnabled: false, add() {} });

/** Where @electron/fuses finds the fuse wire in an Electron binary: this sentinel, a version byte, a length byte, then
 * one ASCII '0'/'1' per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's shipped defaults, in FuseV1Options order: RunAsNode on, CookieEncryption off, NODE_OPTIONS on, inspect
 * flags on, asar integrity off, only-asar off, browser V8 snapshot off, file:// extra privileges on. */
const SHIPPED_FUSES = '10110001';

/** A stand-in for the Linux Electron binary: enough for electron-builder to copy, rename and flip fuses in. It is
 * never run. */
export const standInElectron = () =>
  Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron for the packaging test" >&2\nexit 1\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, SHIPPED_FUSES.length]),
    Buffer.from(SHIPPED_FUSES),
  ]);

export interface PackedApp {
  /** linux-unpacked/: the app as the AppImage and deb would install it. */
  appOutDir: string;
  asar: string;
  executable: string;
  /** electron-builder's own output, for a failure message. */
  output: string;
}

/** `electron-builder --linux dir` into `outDir`, with the stand-in Electron. Needs out/ built. */
export async function packDir(outDir: string, config: Configuration): Promise<PackedApp> {
  const electronDist = join(outDir, 'electron-dist');
  await mkdir(electronDist, { recursive: true });
  await writeFile(join(electronDist, 'electron'), standInElectron(), { mode: 0o755 });
  const cli = requireFromBuilder.resolve('electron-builder/cli.js');
  const args = [
    cli,
    '--linux',
    'dir',
    '--x64', // a fixed arch, so the output folder is linux-unpacked/ on any machine
    '--publish',
    'never',
    `-c.electronDist=${electronDist}`,
    `-c.directories.output=${join(outDir, 'dist')}`,
  ];
  const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  const appOutDir = join(outDir, 'dist', 'linux-unpacked');
  return {
    appOutDir,
    asar: join(appOutDir, 'resources', 'app.asar'),
    executable: join(appOutDir, config.linux?.executableName ?? config.productName ?? 'electron'),
    output: stdout + stderr,
  };
}

/** The packages `npm install --omit=dev` would install, by their node_modules path: package-lock.json marks every
 * package that only devDependencies need with `dev` (or `devOptional`). */
export function productionPackagePaths(): string[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional)
    .map(([path]) => path)
    .sort();
}

/** Every file under a folder of the project, relative to the project, with forward slashes. */
export const projectFiles = (dir: string): string[] =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    : [];
