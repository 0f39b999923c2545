/**
 * `npm run user -- add EMAIL --role admin [--departements dep:17,dep:33] [--password-stdin]`,
 * `list`, `role EMAIL ROLE [--departements …]`, `disable EMAIL`, `enable EMAIL`,
 * `password EMAIL [--password-stdin]`: accounts, over the database `npm start` uses.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createDb } from '../graph/driver.js';
import { GraphError } from '../graph/errors.js';
import { openDatabaseTarget } from '../graph/local/settings.js';
import { applyMigrations } from '../graph/migrate.js';
import {
  createUser,
  listUsers,
  setUserPassword,
  updateUserAccess,
  USER_ROLES,
  type UserRole,
} from '../graph/queries/users.js';
import { hashPassword, randomSecret } from '../server/auth/secrets.js';
import { loadDatasetIfEmpty } from '../seeds/load.js';

const USAGE = `Usage:
  npm run user -- add EMAIL --role reader|editor|admin [--departements dep:17,dep:33] [--password-stdin]
  npm run user -- list
  npm run user -- role EMAIL reader|editor|admin [--departements dep:17,dep:33]
  npm run user -- disable EMAIL | enable EMAIL
  npm run user -- password EMAIL [--password-stdin]`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    role: { type: 'string' },
    departements: { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
  },
});
const [command, email, roleArg] = positionals;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function roleOf(value: string | undefined): UserRole {
  if (!USER_ROLES.includes(value as UserRole)) fail(`The role must be one of ${USER_ROLES.join(', ')}.`);
  return value as UserRole;
}

function departementsOf(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  for (const id of ids)
    if (!/^dep:(\d{2}|2[AB]|97\d)$/.test(id)) fail(`Not a département id: "${id}" (dep:17).`);
  return ids;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** The password to set: from stdin when asked (never from argv, which `ps` shows), else a one-time one. */
async function passwordToSet(): Promise<{ password: string; generated: boolean }> {
  if (!values['password-stdin']) return { password: randomSecret(18), generated: true };
  const password = await readStdin();
  if (password.length < 12) fail('The password must have at least 12 characters.');
  return { password, generated: false };
}

if (!command || !['add', 'list', 'role', 'disable', 'enable', 'password'].includes(command)) fail(USAGE);
if (command !== 'list' && !email) fail(USAGE);

const target = await openDatabaseTarget(process.env, () => {});
const db = createDb(target.config);
let exitCode = 0;
try {
  // The same start as `npm start`: on a fresh install the admin comes first, the seed with it.
  await applyMigrations(db);
  await loadDatasetIfEmpty(db, () => {});
  const address = email?.trim().toLowerCase() ?? '';
  if (command === 'add') {
    if (!/^[^\s@]+@[^\s@]+$/.test(address)) fail(`Not an e-mail address: "${email}".`);
    const role = roleOf(values.role);
    const { password, generated } = await passwordToSet();
    const user = await createUser(db, {
      uid: randomUUID(),
      email: address,
      passwordHash: await hashPassword(password),
      role,
      departements: departementsOf(values.departements) ?? [],
    });
    console.log(
      `Created ${user.email} (${user.role}${user.departements.length ? `: ${user.departements.join(', ')}` : ''}).`,
    );
    if (generated) console.log(`One-time password (shown once, change it): ${password}`);
  } else if (command === 'list') {
    for (const user of await listUsers(db)) {
      const scope = user.departements.length ? ` [${user.departements.join(', ')}]` : '';
      console.log(`${user.email}\t${user.role}${scope}${user.disabled ? '\tdisabled' : ''}`);
    }
  } else if (command === 'password') {
    const { password, generated } = await passwordToSet();
    if (!(await setUserPassword(db, { email: address, passwordHash: await hashPassword(password) }))) {
      fail(`No account ${address}.`);
    }
    console.log(
      generated ? `New one-time password for ${address}: ${password}` : `Password of ${address} changed.`,
    );
  } else {
    const user = await updateUserAccess(db, {
      email: address,
      role: command === 'role' ? roleOf(roleArg) : null,
      departements: command === 'role' ? (departementsOf(values.departements) ?? null) : null,
      disabled: command === 'disable' ? true : command === 'enable' ? false : null,
    });
    if (!user) fail(`No account ${address}.`);
    console.log(`${user.email}\t${user.role}${user.disabled ? '\tdisabled' : ''}`);
  }
} catch (error) {
  exitCode = 1;
  console.error(
    error instanceof GraphError && error.code === 'CONFLICT'
      ? `An account ${email} already exists.`
      : error instanceof Error
        ? error.message
        : error,
  );
} finally {
  await db.close();
  await target.local?.stop();
}
process.exit(exitCode);
