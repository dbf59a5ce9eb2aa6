import path from 'node:path';

/** Where e2e tests save their screenshots (ignored by git). */
export const artifactsDir = path.join(import.meta.dirname, '..', 'artifacts');
