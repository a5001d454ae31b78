#!/usr/bin/env python3
"""Scores the paraphrase case of the demo: a `wiretrace compare --json` result for
afp-flood-source -> rewrites.jsonl#paraphrase-llm against samples/demo.gold.json's paraphraseAlignment.

Usage: python3 samples/score_paraphrase_alignment.py COMPARE.json
Prints links correct / predicted / gold, precision, recall, and how many gold derived sentences got exactly
their gold source sentences. Sentences are matched by text (whitespace collapsed); a WireTrace sentence also matches
a gold sentence that ends with it (WireTrace keeps the dateline "KELLMOOR, Jan 6, 2024 (AFP) —" out of the first
sentence, the gold keeps it in). Stdlib only.
"""
import json
import re
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "demo.gold.json"


def norm(text):
    return re.sub(r"\s+", " ", text).strip()


def main(path):
    result = json.loads(Path(path).read_text(encoding="utf-8"))
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["paraphraseAlignment"]
    docs = {d["id"]: d for d in result["documents"]}
    derivation = result["derivation"]
    source = docs[derivation["from"]]["sentences"]
    derived = docs[derivation["derived"]]["sentences"]
    predicted = {}
    for a in derivation["alignments"]:
        for d in a["derived"]:
            predicted.setdefault(norm(derived[d]), set()).update(norm(source[s]) for s in a["source"])
    correct = predicted_links = gold_links = exact = 0
    for g in gold:
        want = {norm(s) for s in g["source"]}
        got = {next((w for w in want if w.endswith(s)), s) for s in predicted.get(norm(g["derived"]), set())}
        gold_links += len(want)
        predicted_links += len(got)
        correct += len(want & got)
        exact += want == got
    print(f"similarity {result['similarity']}: relation {derivation['relation']}; links correct {correct}, predicted {predicted_links}, gold {gold_links}; "
          f"precision {correct / max(1, predicted_links):.3f}, recall {correct / max(1, gold_links):.3f}; "
          f"gold derived sentences aligned exactly: {exact} of {len(gold)}")


if __name__ == "__main__":
    main(sys.argv[1])
