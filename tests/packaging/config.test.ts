// electron-builder.yml, checked offline: electron-builder's own loader and schema accept it (and reject a typo, so
// the check is live), it asks for the installers, fuses and file list the app needs, and every icon it names exists
// in the sizes and formats each OS expects.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration, FileSet } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, REQUIRED_FUSES, root, validateConfig } from './builder';
import { icnsTypes, icoSizes, readPng } from './images';

let config: Configuration;
beforeAll(async () => {
  config = await loadConfig();
});

const resource = (path: string) => join(root, path);

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation (scheme.json through ajv, as the CLI runs it)", async () => {
    await expect(validateConfig(config)).resolves.toBeUndefined();
  });

  it('fails that validation with a misspelt option, so the check above is live', async () => {
    const misspelt = { ...config, linux: { ...config.linux, categroy: 'Office' } } as Configuration;
    await expect(validateConfig(misspelt)).rejects.toThrow(/configuration\.linux/);
  });

  it('names the app and builds AppImage + deb, dmg (Intel and Apple silicon) and a per-user nsis installer', () => {
    expect(config).toMatchObject({
      appId: 'app.secondstep.desktop',
      productName: 'Second Step',
      asar: true,
      linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: expect.stringMatching(/\S+@\S+/), synopsis: expect.any(String) },
      mac: { target: [{ target: 'dmg', arch: ['x64', 'arm64'] }], category: 'public.app-category.productivity' },
      win: { target: 'nsis' },
      nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
    });
    // The app has windows and a Dock icon: it must not be turned into a menu-bar-only agent.
    expect((config.mac?.extendInfo as Record<string, unknown> | undefined)?.['LSUIElement']).toBeUndefined();
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual(REQUIRED_FUSES);
  });

  it('packs only the built app, never its sources, and rebuilds nothing from the network', () => {
    // The loader normalises the list into file sets; the patterns are their filters.
    const files = (config.files as FileSet[]).flatMap((set) => set.filter ?? []);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'out/main/**', 'out/preload/**', 'out/renderer/**']));
    expect(files.filter((pattern) => !pattern.startsWith('!') && !pattern.startsWith('out/'))).toEqual([
      'package.json',
      'resources/icons/512x512.png',
      'resources/tray/*.png',
    ]);
    expect(config).toMatchObject({ npmRebuild: false, buildDependenciesFromSource: false });
  });
});

describe('the icons electron-builder.yml names', () => {
  it('exist', () => {
    for (const path of [config.linux?.icon, config.mac?.icon, config.win?.icon]) {
      expect(path && existsSync(resource(path))).toBeTruthy();
    }
  });

  it.each([512, 256, 128, 64, 32, 16])('resources/icons/%ix%i.png is that size, with transparent corners', (size) => {
    const png = readPng(resource(`resources/icons/${size}x${size}.png`));
    expect([png.width, png.height]).toEqual([size, size]);
    expect(png.rgba[3]).toBe(0); // the top-left pixel lies outside the rounded tile
  });

  it('icon.icns holds the 16 px to 1024 px Retina set', () => {
    expect(icnsTypes(resource('resources/icon.icns'))).toEqual(expect.arrayContaining(['is32', 'il32', 'ic08', 'ic09', 'ic10']));
  });

  it('icon.ico holds the small sizes Windows draws crisply and the 256 px one Explorer and the installer use', () => {
    expect(icoSizes(resource('resources/icon.ico'))).toEqual(expect.arrayContaining([16, 24, 32, 48, 256]));
  });

  it.each([
    ['trayTemplate.png', 16],
    ['trayTemplate@2x.png', 32],
  ])('tray/%s is a %i px macOS template image: black and alpha only', (file, size) => {
    const png = readPng(resource(`resources/tray/${file}`));
    expect([png.width, png.height]).toEqual([size, size]);
    const colours = new Set<number>();
    let opaque = 0;
    for (let i = 0; i < png.rgba.length; i += 4) {
      if (png.rgba[i + 3] === 0) continue;
      colours.add(png.rgba[i]! + png.rgba[i + 1]! + png.rgba[i + 2]!);
      if (png.rgba[i + 3] === 255) opaque += 1;
    }
    expect([...colours]).toEqual([0]);
    expect(opaque).toBeGreaterThan(size * size * 0.2); // a visible glyph, not an empty canvas
  });

  it.each([
    ['tray.png', 16],
    ['tray@2x.png', 32],
  ])('tray/%s is the %i px coloured tray icon for Windows and Linux', (file, size) => {
    const png = readPng(resource(`resources/tray/${file}`));
    expect([png.width, png.height]).toEqual([size, size]);
  });
});
