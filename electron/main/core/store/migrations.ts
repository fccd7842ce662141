// Runs in the main process and the preview host (Node). How an older store file becomes today's shape: a list of
// pure steps, each lifting a document from one schema version to the next. Adding schema version N+1 means: bump
// SCHEMA_VERSION, change the zod schema, and append `{ from: N, up }` here with a test. The file as it was is kept
// as a backup before the migrated one is written (see open-store.ts).
import { SCHEMA_VERSION } from '../../../../shared/domain';

export type RawDocument = Record<string, unknown>;

export interface Migration {
  /** The version this step reads; it produces `from + 1`. */
  readonly from: number;
  /** Pure: returns the lifted document, never touches its input. `schemaVersion` is set by the runner. */
  up(doc: Readonly<RawDocument>): RawDocument;
}

/** 1 → 2: a stage template's agenda items gain optional minutes, so each plain string becomes `{ text }`. */
const stageTemplateItemsBecomeObjects: Migration = {
  from: 1,
  up(doc) {
    const settings = doc.settings as RawDocument | undefined;
    const templates = settings?.stageTemplates as Record<string, unknown> | undefined;
    if (!settings || !templates || typeof templates !== 'object') return { ...doc };
    const lifted = Object.fromEntries(
      Object.entries(templates).map(([stage, items]) => [
        stage,
        Array.isArray(items) ? items.map((item) => (typeof item === 'string' ? { text: item } : item)) : items,
      ]),
    );
    return { ...doc, settings: { ...settings, stageTemplates: lifted } };
  },
};

/** 2 → 3: a single-file document is a valid split folder with no archive yet (the next compaction makes them). */
const archivesMayFollow: Migration = { from: 2, up: (doc) => ({ ...doc }) };

export const MIGRATIONS: readonly Migration[] = [stageTemplateItemsBecomeObjects, archivesMayFollow];

/** Lifts `doc` from `version` to SCHEMA_VERSION. Throws when a step is missing: such a file cannot be read here. */
export function migrate(doc: RawDocument, version: number, migrations: readonly Migration[] = MIGRATIONS): RawDocument {
  let current = doc;
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) throw new Error(`There is no migration from schema version ${v}.`);
    current = { ...step.up(structuredClone(current)), schemaVersion: v + 1 };
  }
  return current;
}
