// Settings › Data folder in the app: the page is told where the data lives and that the folder can be opened, and
// "Show in folder" opens it in the OS's file manager — or says in plain words why it could not. Driven through the
// whole composition root on fake Electron.
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { shell } from '../support/fake-electron';
import { createAppDriver, type AppDriver } from './app-driver';

let driver: AppDriver;
beforeEach(async () => {
  driver = await createAppDriver();
});
afterEach(async () => driver.dispose());

it('shows the data folder and opens it in the file manager', async () => {
  await driver.launch();
  const folder = join(driver.userData, 'data');
  expect(await driver.call('review', 'getDataFolder', {})).toEqual({ path: folder, canReveal: true });
  expect(await driver.call('review', 'revealDataFolder', {})).toEqual({ opened: true });
  expect(shell.openedPaths).toEqual([folder]);
});

it('words the OS refusing to open it', async () => {
  await driver.launch();
  shell.openPathAnswer = 'Failed to open path';
  await expect(driver.call('review', 'revealDataFolder', {})).rejects.toThrow(/The folder could not be opened \(Failed to open path\)\. Its path is shown above\./);
});
