#!/usr/bin/env node
// The suite's prakerja: bin/prakerja with the test hooks of src/test-hooks.ts armed, so PRAKERJA_TEST_PAUSE,
// PRAKERJA_TEST_FAULT and PRAKERJA_TEST_CHECKPOINT_WAIT_MS take effect. Not in the package: the shipped
// bin never arms them, whatever the environment says.
import process from 'node:process';
import { main } from '../../dist/cli/bin.js';

await main(process.argv, { testHooks: true });
