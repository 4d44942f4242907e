// Bearer tokens for the Minsheng load runs of bench/run.sh, obtained as a real dashboard would:
//   node tokens.mjs <minsheng base url> <out file> <tenants file>...
// For each tenant: registers a dashboard client (through GraphQL, as that tenant's developer in Development),
// then asks the token endpoint for a client-credentials token. Writes "<region code>\t<access token>" lines,
// which page.lua sends as Authorization: Bearer (and no X-Tenant header: the token carries the tenant).
import { readFileSync, writeFileSync } from "node:fs";

const [base, out, ...tenantFiles] = process.argv.slice(2);
const tenants = [...new Set(tenantFiles.flatMap((f) => readFileSync(f, "utf8").split(/\s+/).filter(Boolean)))];

async function tokenFor(code) {
  const registered = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Tenant": code },
    body: JSON.stringify({ query: 'mutation { registerDashboardClient(input: { name: "bench" }) { client { clientId } clientSecret } }' }),
  }).then((r) => r.json());
  const client = registered.data?.registerDashboardClient;
  if (!client) throw new Error(`registering a client for ${code} failed: ${JSON.stringify(registered)}`);
  const token = await fetch(`${base}/connect/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: client.client.clientId, client_secret: client.clientSecret, scope: "read" }),
  }).then((r) => r.json());
  if (!token.access_token) throw new Error(`no token for ${code}: ${JSON.stringify(token)}`);
  return `${code}\t${token.access_token}`;
}

const lines = [];
for (let i = 0; i < tenants.length; i += 8) lines.push(...(await Promise.all(tenants.slice(i, i + 8).map(tokenFor))));
writeFileSync(out, lines.join("\n") + "\n");
console.log(`${lines.length} tenants, one dashboard client and bearer token each`);
