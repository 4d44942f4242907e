// Runs the graphql-http audit suite against a Minsheng server and fails when a MUST audit fails.
// Usage: node audit.mjs <url> [tenant]
import { auditServer } from 'graphql-http';

const url = process.argv[2] ?? 'http://localhost:5080/graphql';
const tenant = process.argv[3] ?? '411302';

// The audits send their own requests; add the development tenant header to each of them.
const fetchWithTenant = (input, init = {}) => {
  const headers = new Headers(init.headers ?? {});
  headers.set('X-Tenant', tenant);
  return fetch(input, { ...init, headers });
};

const results = await auditServer({ url, fetchFn: fetchWithTenant });
const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
let mustFailures = 0;
for (const result of results) {
  counts[result.status]++;
  if (result.status === 'ok') continue;
  const must = result.name.startsWith('MUST');
  if (must) mustFailures++;
  console.log(`${result.status.toUpperCase().padEnd(6)} ${result.name}\n       ${result.reason}`);
}
console.log(`\n${results.length} audits: ${counts.ok} ok, ${counts.notice} notices, ${counts.warn} warnings, ${counts.error} errors; ${mustFailures} MUST failures`);
process.exit(mustFailures === 0 ? 0 : 1);
