/**
 * Prints a development token signed with NEXUS_JWT_SECRET:
 *   npm run token -- --sub alice --role admin [--role ops] [--expires 8h]
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { signToken } from '../src/server/authenticate.js';

const USAGE = 'usage: npm run token -- --sub <user id> [--role <role>]... [--expires 1h]\n';

function parsedArgs() {
  try {
    return parseArgs({
      options: {
        sub: { type: 'string' },
        role: { type: 'string', multiple: true },
        expires: { type: 'string', default: '1h' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    // An unknown option or a missing value: say so in one line, not with a stack trace.
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
}

const values = parsedArgs();
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const secret = loadConfig().jwtSecret;
if (secret === undefined) {
  process.stderr.write(
    'NEXUS_JWT_SECRET is not set: the server runs in development mode and needs no token.\n',
  );
  process.exit(1);
}
if (!values.sub) {
  process.stderr.write(USAGE);
  process.exit(2);
}
process.stdout.write(
  `${await signToken(secret, { sub: values.sub, roles: values.role ?? [], expiresIn: values.expires })}\n`,
);
