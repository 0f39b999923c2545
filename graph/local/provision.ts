import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { distributionLibDir, NEO4J_ROOT, NEO4J_VERSION } from './paths.js';

export class MissingToolError extends Error {}

const TOOL_PROBES = { java: ['-version'], mvn: ['-v'] } as const;

/** Fails with one actionable line when Java (to run Neo4j) or Maven (to fetch it) is absent. */
export function assertToolsPresent(tools: readonly (keyof typeof TOOL_PROBES)[] = ['java', 'mvn']): void {
  for (const tool of tools) {
    const probe = spawnSync(tool, TOOL_PROBES[tool], { stdio: 'ignore' });
    if (probe.error) {
      throw new MissingToolError(
        `${tool} not found: install Java 17 and Maven (apt-get install openjdk-17-jre-headless maven), ` +
          'or set NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD) to use an existing Neo4j 5.',
      );
    }
  }
}

const POM = `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>atlas-des-acteurs</groupId>
  <artifactId>neo4j-local</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>${NEO4J_VERSION}</version>
    </dependency>
  </dependencies>
</project>
`;

/**
 * Brings Neo4j Community's jars from Maven Central into `.neo4j/` (the tarball is
 * not published there). Reuses them when already present; Maven caches in ~/.m2.
 */
export function provisionNeo4jDistribution(log: (line: string) => void = console.log): string {
  const libDir = distributionLibDir();
  if (existsSync(libDir) && readdirSync(libDir).some((file) => file.startsWith('neo4j-kernel')))
    return libDir;
  assertToolsPresent();
  const mavenDir = path.join(NEO4J_ROOT, 'maven');
  mkdirSync(mavenDir, { recursive: true });
  writeFileSync(path.join(mavenDir, 'pom.xml'), POM);
  log(`Downloading Neo4j Community ${NEO4J_VERSION} from Maven Central (first run only)…`);
  execFileSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      path.join(mavenDir, 'pom.xml'),
      'org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${libDir}`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  return libDir;
}
