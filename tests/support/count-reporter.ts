// A tiny vitest reporter: prints the closing line CI recognises ("N passed, N failed, N skipped"). A module that
// failed to load (a syntax error, a throwing import) counts as a failure, as does any unhandled error.
// Each failure is named on a "FAILED:" line just above the count: CI keeps only the tail of a long log, and a red
// run must say which test went red without scrolling back through the soak's output.
import type { Reporter, TestCase, TestModule } from 'vitest/node';

export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let skipped = 0;
    const failures: string[] = unhandledErrors.map((error) => `unhandled error: ${firstLine(error)}`);
    for (const module of modules) {
      const tests = [...module.children.allTests()];
      if (module.state() === 'failed' && tests.length === 0) {
        failures.push(`${module.moduleId}: ${firstLine(module.errors()[0]) || 'the file did not load'}`);
      }
      for (const test of tests) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failures.push(describeFailure(module, test));
        else skipped += 1;
      }
    }
    const named = failures.map((failure) => `FAILED: ${failure}\n`).join('');
    process.stdout.write(`\n${named}${passed} passed, ${failures.length} failed, ${skipped} skipped\n`);
  }
}

function describeFailure(module: TestModule, test: TestCase): string {
  const result = test.result();
  const error = result.state === 'failed' ? result.errors[0] : undefined;
  return `${module.relativeModuleId ?? module.moduleId} > ${test.fullName}: ${firstLine(error)}`;
}

function firstLine(error: unknown): string {
  const message = error && typeof error === 'object' && 'message' in error ? String(error.message) : String(error ?? '');
  return message.split('\n')[0]!.slice(0, 300);
}
