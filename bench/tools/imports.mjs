// Import throughput (issue 20): clerks importing published plan documents through /graphql at once.
//   node imports.mjs <minsheng base url> <tenants file> <seeds dir> <concurrency> <out json>
// Each tenant imports each document of the seeds folder once (a second import of the same file is recognised and
// creates nothing, so every import here writes a whole plan). Counts imports, projects written, errors, latency.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [base, tenantsFile, seedsDir, concurrencyArg, out] = process.argv.slice(2);
const tenants = readFileSync(tenantsFile, "utf8").split(/\s+/).filter(Boolean);
const seeds = readdirSync(seedsDir).filter((f) => /\.(txt|docx|xlsx)$/.test(f)).sort()
  .map((name) => ({ name, content: readFileSync(join(seedsDir, name)).toString("base64") }));
if (seeds.length === 0) throw new Error(`no plan documents in ${seedsDir}`);

const mutation = "mutation($name: String!, $content: String!) { importPlan(input: { fileName: $name, contentBase64: $content }) { succeeded alreadyImported projectCount errors { code } } }";
const work = tenants.flatMap((tenant) => seeds.map((seed) => ({ tenant, seed })));
let next = 0, imports = 0, projects = 0, bytes = 0;
const errors = [], latencies = [];
const started = performance.now();
await Promise.all(Array.from({ length: Number(concurrencyArg) }, async () => {
  while (next < work.length) {
    const { tenant, seed } = work[next++];
    const t0 = performance.now();
    try {
      const response = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Tenant": tenant },
        body: JSON.stringify({ query: mutation, variables: { name: seed.name, content: seed.content } }),
      });
      const json = await response.json();
      latencies.push(performance.now() - t0);
      const result = json.data?.importPlan;
      if (response.status !== 200 || json.errors || !result?.succeeded || result.alreadyImported) {
        errors.push({ tenant, seed: seed.name, status: response.status, error: json.errors?.[0]?.extensions?.code ?? result?.errors?.[0]?.code ?? "already imported" });
        continue;
      }
      imports++;
      projects += result.projectCount;
      bytes += Buffer.byteLength(seed.content, "base64");
    } catch (e) {
      errors.push({ tenant, seed: seed.name, error: String(e) });
    }
  }
}));
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (q) => latencies.length ? +latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))].toFixed(1) : null;
const result = {
  documents: seeds.map((s) => s.name), tenants: tenants.length, concurrency: Number(concurrencyArg), seconds: +seconds.toFixed(2),
  imports, projects, megabytes: +(bytes / 1048576).toFixed(2), importsPerSecond: +(imports / seconds).toFixed(1), projectsPerSecond: +(projects / seconds).toFixed(0),
  p50Ms: at(0.5), p99Ms: at(0.99), errors: errors.length, firstErrors: errors.slice(0, 5),
};
writeFileSync(out, JSON.stringify(result, null, 2));
console.log(`imports: ${imports} plans (${projects} projects) in ${result.seconds} s = ${result.importsPerSecond} imports/s, ${result.projectsPerSecond} projects/s; p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms; ${errors.length} errors`);
if (errors.length) { console.error(JSON.stringify(errors.slice(0, 5))); process.exitCode = 1; }
