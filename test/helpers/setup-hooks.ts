/**
 * The in-process tests run commands in vitest's own threads: arm the test hooks (src/test-hooks.ts) there,
 * as the suite's entry point arms them in a real prakerja process.
 */
import { armTestHooks } from '../../src/test-hooks.js';

armTestHooks();
