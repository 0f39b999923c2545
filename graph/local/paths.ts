import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Everything the project provisions lives under `.neo4j/` at the repository root (git-ignored). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const NEO4J_ROOT = path.join(PROJECT_ROOT, '.neo4j');

/** Pinned Community release; `mvn dependency:get` confirmed it resolves from Maven Central. */
export const NEO4J_VERSION = '5.26.16';

export const distributionLibDir = () => path.join(NEO4J_ROOT, `neo4j-${NEO4J_VERSION}`, 'lib');
export const instanceHome = (name: string) => path.join(NEO4J_ROOT, 'instances', name);
