/**
 * What `npm pack` ships: the product and its licences, not the workshop (generator, bench, accuracy, demo
 * tools), no source maps of sources that are not shipped.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the published package', () => {
  it('holds bin, the built product, LICENSE and the region data’s licence, and no dev tools', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const [pack] = JSON.parse(out) as { files: { path: string }[] }[];
    const files = (pack?.files ?? []).map((f) => f.path);
    expect(files).toContain('LICENSE');
    expect(files).toContain('dist/normalise/WILAYAH-LICENSE');
    expect(files).toContain('bin/prakerja');
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('dist/normalise/wilayah-data.js');
    expect(files.filter((f) => /^dist\/(generate|tools)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /^(src|test|fixtures)\//.test(f))).toEqual([]);
  });
});
