import type { z } from 'zod';

/** Parses the environment with `schema` once; lists every problem and throws when it is wrong. */
export function parseEnv<T>(service: string, schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
  throw new Error(`${service}: bad configuration\n${problems}`);
}
