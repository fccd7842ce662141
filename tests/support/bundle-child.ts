// Bundles a TypeScript entry into one plain .mjs for a child process (Node): starting `node` on it is several times
// faster than through tsx, which matters when a test starts hundreds of children (the kill test) or a few under
// different environments (the time-zone test).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'rolldown';

export interface BundledChild {
  script: string;
  dispose(): Promise<void>;
}

export async function bundleChild(entry: string): Promise<BundledChild> {
  const dir = await mkdtemp(join(tmpdir(), 'second-step-child-'));
  const script = join(dir, `${basename(entry, '.ts')}.mjs`);
  // A folder, not one file: the core imports some packages lazily (`import()`), and those become chunks of their own.
  await build({ input: entry, platform: 'node', logLevel: 'silent', output: { dir, format: 'esm', entryFileNames: '[name].mjs' } });
  return { script, dispose: () => rm(dir, { recursive: true, force: true }) };
}
