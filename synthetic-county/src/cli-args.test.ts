import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it('accepts a scale, a seed and an output directory', () => {
    expect(parseCliArgs(['--scale', 'tiny', '--seed', '42', '--out', '/tmp/x'])).toEqual({ scale: 'tiny', seed: 42, outDir: '/tmp/x' });
  });

  it('lists every problem at once', () => {
    const result = parseCliArgs(['--scale', 'huge', '--seed=-1']);
    expect(result).toHaveProperty('error');
    const message = 'error' in result ? result.error : '';
    expect(message).toContain('--scale must be tiny, demo or county (got huge)');
    expect(message).toContain('--seed must be a whole number');
    expect(message).toContain('--out DIR is required');
  });

  it('refuses a seed that is not a whole number or too large', () => {
    for (const seed of ['1.5', 'abc', '', '2147483648']) {
      expect(parseCliArgs(['--scale', 'tiny', '--seed', seed, '--out', 'x'])).toHaveProperty('error');
    }
  });

  it('refuses unknown options', () => {
    const result = parseCliArgs(['--scale', 'tiny', '--seed', '1', '--out', 'x', '--fast']);
    expect('error' in result && result.error).toMatch(/fast/);
  });
});
