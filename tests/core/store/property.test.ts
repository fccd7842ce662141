// Property (Node, real temp folders, fast-check): whatever bytes sit in the store file, opening never throws and
// never destroys them — they are either still the live file (it was usable) or, byte-identical, in quarantine.
import { access, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../shared/domain';
import { openStore } from '../../../electron/main/core/store';
import { storeDocument } from '../../support/arbitraries';
import { STORE, sha256, useTempDirs } from './helpers';

const tempDir = useTempDirs();
const encode = (value: unknown) => Buffer.from(JSON.stringify(value));

const storeFileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
  fc.jsonValue().map(encode),
  storeDocument().map(encode),
  // A valid document cut short, as a crashed in-place writer would leave it.
  fc.tuple(storeDocument(), fc.nat()).map(([doc, cut]) => encode(doc).subarray(0, cut % (encode(doc).length + 1))),
  // A valid document with one key replaced by anything at all (including a newer or older schemaVersion).
  fc
    .tuple(storeDocument(), fc.constantFrom('schemaVersion', 'threads', 'meetings', 'nextSteps', 'settings'), fc.jsonValue())
    .map(([doc, key, value]) => encode({ ...doc, [key]: value })),
  fc
    .integer({ min: SCHEMA_VERSION + 1, max: 1000 })
    .chain((v) => storeDocument().map((d) => encode({ ...d, schemaVersion: v }))),
);

const exists = (path: string) => access(path).then(() => true, () => false);

describe('opening any file', () => {
  it('never throws and never loses the original bytes', async () => {
    await fc.assert(
      fc.asyncProperty(storeFileBytes, async (bytes) => {
        const dir = await tempDir();
        await writeFile(join(dir, STORE), bytes);
        const original = await sha256(join(dir, STORE));

        const store = await openStore({ dir });
        await store.close();

        const quarantined = (await readdir(dir)).filter((n) => n.startsWith('second-step.corrupt-'));
        if (quarantined.length === 0) {
          expect(await sha256(join(dir, STORE))).toBe(original);
          expect(store.notice?.kind ?? 'none').toMatch(/^(none|newer-version)$/);
        } else {
          expect(quarantined).toHaveLength(1);
          expect(await sha256(join(dir, quarantined[0]!))).toBe(original);
          expect(await exists(join(dir, STORE))).toBe(false); // nothing written over it without the rep's word
          expect(store.notice?.kind).toBe('unreadable-no-backup');
        }
      }),
      { numRuns: 150 },
    );
  });
});
