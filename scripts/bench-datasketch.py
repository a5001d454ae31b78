#!/usr/bin/env python3
"""datasketch MinHash LSH on the corpus of a `wiretrace bench` run, for the side-by-side table of docs/BENCHMARKS.md.

Write the corpus with `wiretrace bench --docs N --write-corpus corpus.jsonl` (which also writes
corpus.jsonl.pairs.jsonl, the planted pairs, and corpus.jsonl.sample.txt, the ids of the query sample), then:

    /usr/bin/python3 scripts/bench-datasketch.py corpus.jsonl --datasketch /tmp/datasketch --json ds.json

It builds datasketch's MinHash with the same number of permutations (32) over the same word shingles as
WireTrace (3 consecutive content terms: Snowball English stems of the words that are not Snowball stopwords,
read from src/WireTrace.Core/Text/Stopwords.cs, and numbers with their separators removed), indexes every
article in a MinHashLSH with the same banding (8 bands of 4 rows), matches every planted derived article and
the same 1,000-article sample against the whole index, and prints the figures `wiretrace bench` prints:
articles/s per stage, recall per planted kind, candidates per article, query p50/p99, index memory.

datasketch is not installed here (PyPI is unreachable): point --datasketch at a checkout of its source
(numpy and scipy from the system, e.g. Debian's python3-numpy and python3-scipy). The Snowball stemmer comes
from nltk (Debian's python3-nltk); without it the words are not stemmed and the script says so.
"""

import argparse
import gc
import json
import os
import re
import sys
import time

WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*|\d+(?:[.,]\d+)*")


def peak_rss_bytes():
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def load_stopwords(repo):
    path = os.path.join(repo, "src", "WireTrace.Core", "Text", "Stopwords.cs")
    with open(path, encoding="utf-8") as f:
        source = f.read()
    start = source.index("ToFrozenSet(")
    end = source.index("]", start)
    words = set(re.findall(r'"([^"]+)"', source[start:end]))
    if len(words) < 100:
        sys.exit(f"{path}: expected the Snowball stopword list, found {len(words)} words")
    return words


class Terms:
    """Content terms of a text: stems of non-stopword words, and numbers without separators."""

    def __init__(self, stopwords):
        self.stopwords = stopwords
        self.cache = {}
        try:
            from nltk.stem.snowball import EnglishStemmer
            self.stem = EnglishStemmer().stem
            self.stemmed = True
        except ImportError:
            self.stem = lambda w: w
            self.stemmed = False

    def of(self, text):
        terms = []
        for token in WORD.findall(text):
            if token[0].isdigit():
                terms.append(token.replace(",", ""))
                continue
            word = token.lower().replace("\u2019", "'")
            if word in self.stopwords:
                continue
            stem = self.cache.get(word)
            if stem is None:
                stem = self.cache[word] = self.stem(word)
            terms.append(stem)
        return terms


def shingles(terms, size):
    if not terms:
        return []
    if len(terms) <= size:
        return [" ".join(terms).encode("utf-8")]
    return [" ".join(terms[i:i + size]).encode("utf-8") for i in range(len(terms) - size + 1)]


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    i = max(0, min(len(sorted_values) - 1, int(-(-p * len(sorted_values) // 1)) - 1))
    return sorted_values[i]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", help="JSONL corpus written by wiretrace bench --write-corpus")
    parser.add_argument("--pairs", help="planted pairs (default: CORPUS.pairs.jsonl)")
    parser.add_argument("--sample", help="ids of the query sample (default: CORPUS.sample.txt)")
    parser.add_argument("--datasketch", default=os.environ.get("DATASKETCH_PATH", "/tmp/datasketch"),
                        help="folder holding the datasketch package source (default: $DATASKETCH_PATH or /tmp/datasketch)")
    parser.add_argument("--repo", default=os.path.dirname(here), help="WireTrace checkout (for the stopword list)")
    parser.add_argument("--num-perm", type=int, default=32)
    parser.add_argument("--bands", type=int, default=8)
    parser.add_argument("--rows", type=int, default=4)
    parser.add_argument("--shingle", type=int, default=3)
    parser.add_argument("--json", help="write the figures as JSON to this file")
    args = parser.parse_args()
    if args.bands * args.rows != args.num_perm:
        sys.exit("--bands x --rows must equal --num-perm")

    sys.path.insert(0, args.datasketch)
    try:
        from datasketch import MinHash, MinHashLSH
        import datasketch
    except ImportError as e:
        sys.exit(f"cannot import datasketch from {args.datasketch}: {e}")
    version = datasketch.__version__
    if version == "0.0.0":  # a source checkout has no package metadata: take the version it declares
        try:
            with open(os.path.join(args.datasketch, "pyproject.toml"), encoding="utf-8") as f:
                version = re.search(r'^version\s*=\s*"([^"]+)"', f.read(), re.M).group(1)
        except (OSError, AttributeError):
            pass

    pairs_path = args.pairs or args.corpus + ".pairs.jsonl"
    sample_path = args.sample or args.corpus + ".sample.txt"
    ids, texts = [], []
    with open(args.corpus, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                ids.append(doc["id"])
                texts.append(doc["text"])
            except (ValueError, KeyError) as e:
                sys.exit(f"{args.corpus}:{number}: {e}")
    index_of = {d: i for i, d in enumerate(ids)}
    gold = []
    with open(pairs_path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                p = json.loads(line)
                if p["source"] not in index_of or p["derived"] not in index_of:
                    sys.exit(f"{pairs_path}:{number}: id not in the corpus")
                gold.append((index_of[p["source"]], index_of[p["derived"]], p.get("kind", "planted")))
    with open(sample_path, encoding="utf-8") as f:
        sample = [index_of[line.strip()] for line in f if line.strip()]
    keep = set(sample) | {d for _, d, _ in gold}
    n = len(texts)
    print(f"datasketch {version} from {args.datasketch}; {n:,} documents, {len(gold):,} planted pairs, "
          f"{len(sample):,} queries", flush=True)

    # Stage 1: content terms and shingles (WireTrace's text model stage).
    terms = Terms(load_stopwords(args.repo))
    if not terms.stemmed:
        print("warning: nltk is missing, words are not stemmed", file=sys.stderr)
    t0, c0 = time.perf_counter(), time.process_time()
    doc_shingles = [shingles(terms.of(t), args.shingle) for t in texts]
    shingle_seconds, shingle_cpu = time.perf_counter() - t0, time.process_time() - c0
    del texts
    gc.collect()

    # Stage 2: MinHash of every document (WireTrace's fingerprinting stage), the recommended bulk way (shared permutations).
    t0, c0 = time.perf_counter(), time.process_time()
    minhashes = MinHash.bulk(doc_shingles, num_perm=args.num_perm)
    minhash_seconds, minhash_cpu = time.perf_counter() - t0, time.process_time() - c0
    empty = [i for i, s in enumerate(doc_shingles) if not s]
    del doc_shingles
    gc.collect()

    # Stage 3: LSH index, timed; then built once more under tracemalloc for its memory (Python objects allocated
    # by the index and still alive: bucket keys, buckets, the per-key band table; the sketches are not counted).
    empty_set = set(empty)

    def build():
        index = MinHashLSH(num_perm=args.num_perm, params=(args.bands, args.rows))
        for i, m in enumerate(minhashes):
            if i not in empty_set:
                index.insert(i, m, check_duplication=False)
        return index

    t0, c0 = time.perf_counter(), time.process_time()
    lsh = build()
    index_seconds, index_cpu = time.perf_counter() - t0, time.process_time() - c0
    import tracemalloc
    gc.collect()
    tracemalloc.start()
    measured = build()
    index_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del measured
    kept = {i: minhashes[i] for i in keep}
    del minhashes
    gc.collect()

    # Recall: each planted derived document against the whole index (which holds its source).
    by_kind = {}
    t0 = time.perf_counter()
    for source, derived, kind in gold:
        found = source in lsh.query(kept[derived])
        planted, hits = by_kind.get(kind, (0, 0))
        by_kind[kind] = (planted + 1, hits + (1 if found else 0))
    recall_seconds = time.perf_counter() - t0

    # Latency and candidates per article: one query at a time, after 50 warm-up queries.
    for d in sample[:50]:
        lsh.query(kept[d])
    latencies, candidates = [], 0
    for d in sample:
        t = time.perf_counter()
        result = lsh.query(kept[d])
        latencies.append((time.perf_counter() - t) * 1000)
        candidates += sum(1 for c in result if c != d)
    latencies.sort()

    rate = lambda seconds: n / seconds if seconds > 0 else float("inf")
    found_all = sum(h for _, h in by_kind.values())
    report = {
        "tool": f"datasketch {version} MinHash + MinHashLSH",
        "documents": n,
        "numPerm": args.num_perm,
        "bands": args.bands,
        "rows": args.rows,
        "stemmed": terms.stemmed,
        "articlesPerSecond": {
            "shingling": rate(shingle_seconds),
            "minhash": rate(minhash_seconds),
            "indexing": rate(index_seconds),
            "minhashAndIndexing": rate(minhash_seconds + index_seconds),
        },
        "seconds": {"shingling": shingle_seconds, "minhash": minhash_seconds, "index": index_seconds, "recall": recall_seconds},
        # CPU seconds of the process per stage (robust to other jobs on the machine, unlike the wall-clock rates).
        "cpu": {
            "shinglingSeconds": shingle_cpu,
            "minhashSeconds": minhash_cpu,
            "indexSeconds": index_cpu,
            "minhashAndIndexingPerCpuSecond": rate(minhash_cpu + index_cpu),
        },
        "memory": {
            "indexBytes": index_bytes,
            "indexBytesPerArticle": index_bytes / n,
            "peakRssBytes": peak_rss_bytes(),
        },
        "recall": {
            "planted": len(gold),
            "found": found_all,
            "recall": found_all / len(gold) if gold else float("nan"),
            "byKind": [{"kind": k, "planted": p, "found": h, "recall": h / p} for k, (p, h) in sorted(by_kind.items())],
        },
        "queries": {
            "sample": len(sample),
            "candidatesPerArticle": candidates / len(sample) if sample else 0,
            "p50Milliseconds": percentile(latencies, 0.50),
            "p99Milliseconds": percentile(latencies, 0.99),
            "maxMilliseconds": latencies[-1] if latencies else 0,
        },
    }
    r = report
    print(f"shingling (terms, stems) {r['articlesPerSecond']['shingling']:,.0f} articles/s (1 thread)")
    print(f"MinHash                  {r['articlesPerSecond']['minhash']:,.0f} articles/s (1 thread)")
    print(f"LSH indexing             {r['articlesPerSecond']['indexing']:,.0f} articles/s (1 thread)")
    print(f"MinHash + indexing       {r['articlesPerSecond']['minhashAndIndexing']:,.0f} articles/s")
    print(f"MinHash + indexing per CPU-second {r['cpu']['minhashAndIndexingPerCpuSecond']:,.0f} articles "
          f"(CPU: shingling {shingle_cpu:,.1f} s, MinHash {minhash_cpu:,.1f} s, index {index_cpu:,.1f} s)")
    print(f"index memory             {index_bytes / 1048576:,.1f} MiB = {index_bytes / n:,.0f} bytes/article (tracemalloc); peak RSS {r['memory']['peakRssBytes'] / 1048576:,.0f} MiB")
    for k in r["recall"]["byKind"]:
        print(f"recall: {k['kind']:<16} {k['recall']:.2%} ({k['found']:,} of {k['planted']:,})")
    print(f"recall: all planted pairs {r['recall']['recall']:.2%}")
    print(f"candidates per article   {r['queries']['candidatesPerArticle']:.2f}")
    print(f"query latency            p50 {r['queries']['p50Milliseconds']:.3f} ms, p99 {r['queries']['p99Milliseconds']:.3f} ms, max {r['queries']['maxMilliseconds']:.3f} ms")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
