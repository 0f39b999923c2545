/** The generate command's arguments. */
import { parseArgs } from 'node:util';
import type { GenerateScale } from './scaled-seed-graph.js';

export const USAGE = `usage: npm run generate -- (--scale france | --factor N) [--seed N] [--out DIR]`;

export function parseGenerateArgs(argv: string[]): { scale: GenerateScale; seed: number; out?: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string' },
      factor: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  });
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed takes a non-negative integer\n${USAGE}`);
  if (values.scale !== undefined && values.factor !== undefined) throw new Error(USAGE);
  if (values.scale === 'france') return { scale: { scale: 'france' }, seed, out: values.out };
  if (values.factor !== undefined) return { scale: { factor: Number(values.factor) }, seed, out: values.out };
  throw new Error(USAGE);
}
