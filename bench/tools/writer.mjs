// Dashboard polling (issue 20): writes at a steady rate while dashboards poll, and checks every answer read right after
// a write for staleness.
//   node writer.mjs <minsheng base url> <auth file> <seconds> <writes per second> <out json>
// The auth file has "<region code>\t<bearer token>" lines (bench/tools/tokens.mjs). Setup: for each tenant, the lead unit
// of its first project (shown on the first page of ProjectPage). Then, in turn over the tenants, at the given rate: the
// unit renamed as the tenant's developer (Development's X-Tenant), and at once the tenant's ProjectPage asked with GET as
// its dashboard does (persisted document, bearer token): an answer without the new name is a stale read. In between,
// other tenants' dashboards keep the cache busy (wrk). Writes "{ writes, staleReads, errors, readAfterWriteMs }".
import { readFileSync, writeFileSync } from "node:fs";

const [base, authFile, secondsArg, rateArg, out] = process.argv.slice(2);
const tenants = readFileSync(authFile, "utf8").split("\n").filter(Boolean).map((l) => l.split("\t")).map(([code, token]) => ({ code, token }));
const seconds = Number(secondsArg), rate = Number(rateArg);
const pageUrl = `${base}/graphql?documentId=ProjectPage&variables=${encodeURIComponent(JSON.stringify({ first: 20 }))}`;

async function post(code, query, variables) {
  const response = await fetch(`${base}/graphql`, { method: "POST", headers: { "Content-Type": "application/json", "X-Tenant": code }, body: JSON.stringify({ query, variables }) });
  const json = await response.json();
  if (response.status !== 200 || json.errors) throw new Error(`${code}: ${response.status} ${JSON.stringify(json.errors ?? json)}`);
  return json.data;
}

for (const t of tenants) {
  const data = await post(t.code, "{ projects(first: 1) { nodes { leadUnit { id } } } }");
  t.unit = data.projects.nodes[0]?.leadUnit?.id;
}
const writable = tenants.filter((t) => t.unit);
let writes = 0, staleReads = 0, errors = 0, cacheHitsAfterWrite = 0;
const readAfterWriteMs = [];
const start = performance.now();
for (let i = 0; performance.now() - start < seconds * 1000; i++) {
  const due = start + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const t = writable[i % writable.length];
  const name = `区民政局${Date.now().toString(36)}${i}`;
  try {
    await post(t.code, "mutation($id: ID!, $name: String!) { updateUnit(input: { id: $id, name: $name }) { id } }", { id: t.unit, name });
    writes++;
    const t0 = performance.now();
    const response = await fetch(pageUrl, { headers: { Authorization: `Bearer ${t.token}`, Accept: "application/graphql-response+json" } });
    const body = await response.text();
    readAfterWriteMs.push(performance.now() - t0);
    if (response.headers.get("x-minsheng-cache") === "hit") cacheHitsAfterWrite++;
    if (response.status !== 200) errors++;
    else if (!body.includes(name)) staleReads++;
  } catch (e) {
    errors++;
    if (errors <= 3) console.error(String(e));
  }
}
readAfterWriteMs.sort((a, b) => a - b);
const result = { seconds, ratePerSecond: rate, tenants: writable.length, writes, staleReads, cacheHitsAfterWrite, errors,
  readAfterWriteP50Ms: readAfterWriteMs[Math.floor(readAfterWriteMs.length * 0.5)] ?? null, readAfterWriteP99Ms: readAfterWriteMs[Math.floor(readAfterWriteMs.length * 0.99)] ?? null };
writeFileSync(out, JSON.stringify(result, null, 2));
console.log(`writer: ${writes} writes in ${seconds} s over ${writable.length} tenants, ${staleReads} stale reads, ${errors} errors`);
