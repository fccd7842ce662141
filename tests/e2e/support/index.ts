// Runs in the e2e tests' Node process. One import for the e2e helpers.
export * from './preview';
export * from './browser';
export * from './axe';
