// The layer rules of ARCHITECTURE §1 are enforced by eslint; this proves the rules actually fire.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['shared/domain/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['renderer/src/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/main/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['shared/rules/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['renderer/src/y.ts', "import { dispatch } from '../../electron/main/core/dispatch';\nexport const a = dispatch;\n"],
    ['electron/main/core/y.ts', "import { setupIpc } from '../platform/ipc';\nexport const a = setupIpc;\n"],
  ])('refuses the forbidden import in %s', async (file, source) => {
    expect(await importErrors(file, source)).not.toEqual([]);
  });

  it('lets the platform adapter import electron', async () => {
    expect(await importErrors('electron/main/platform/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
  });
});
