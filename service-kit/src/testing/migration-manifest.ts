import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const NAME = /^\d{8}T\d{4}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * What is wrong with a migrations folder against its `applied.json` (name → sha256 of the
 * file's text): an applied migration must never change, every file must be listed, named
 * `<yyyymmddThhmm>-<kebab-name>.ts`, and listed in name order (a store runs them by name).
 */
export function migrationManifestProblems(folder: string) {
  const manifestFile = path.join(folder, 'applied.json');
  // The text as written, whatever line endings a checkout gave it.
  const sha256Of = (name: string) => createHash('sha256').update(fs.readFileSync(path.join(folder, `${name}.ts`), 'utf8').replace(/\r\n/g, '\n')).digest('hex');
  const manifest: Record<string, string> = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const files = fs
    .readdirSync(folder)
    .filter((f) => f !== 'applied.json')
    .map((f) => f.replace(/\.ts$/, ''));
  const listed = Object.keys(manifest);
  return {
    manifestFile,
    files,
    /** Applied migrations whose file changed or disappeared. */
    changed: Object.entries(manifest)
      .filter(([name, sha256]) => !fs.existsSync(path.join(folder, `${name}.ts`)) || sha256Of(name) !== sha256)
      .map(([name]) => name),
    /** The lines applied.json lacks, ready to paste. */
    unlisted: files.filter((name) => !listed.includes(name)).map((name) => `"${name}": "${NAME.test(name) ? sha256Of(name) : '?'}"`),
    misnamed: files.filter((name) => !NAME.test(name)),
    isInNameOrder: listed.join('\n') === [...listed].sort().join('\n'),
  };
}
