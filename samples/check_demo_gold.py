#!/usr/bin/env python3
"""Checks that samples/demo.gold.json agrees with the demo articles.

Run from anywhere: python3 samples/demo/check_gold.py
Stdlib only. Exits with status 1 and lists every failure if anything is off.
"""
import html.parser
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "demo"
GOLD = Path(__file__).resolve().parent / "demo.gold.json"
RELATIONS = {"duplicate", "near-duplicate", "excerpt", "paraphrase", "partial", "same-event"}
ABBREVIATIONS = {"mr.", "mrs.", "dr.", "u.n.", "st."}
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


class _ArticleText(html.parser.HTMLParser):
    """Collects the text of the <h1> and of every <p> inside <article>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.grab, self.parts, self.buf = 0, False, [], []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        elif self.depth and tag in ("p", "h1") and not dict(attrs).get("class"):
            self.grab, self.buf = True, []

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        elif self.grab and tag in ("p", "h1"):
            self.parts.append("".join(self.buf).strip())
            self.grab = False

    def handle_data(self, data):
        if self.grab:
            self.buf.append(data)


def load_documents():
    """Maps document id to its text (for .txt: whole file; .html: article text; .jsonl: `text`)."""
    docs = {}
    for path in sorted(HERE.iterdir()):
        if path.suffix == ".txt":
            docs[path.stem] = path.read_text(encoding="utf-8")
        elif path.suffix == ".html":
            parser = _ArticleText()
            parser.feed(path.read_text(encoding="utf-8"))
            docs[path.stem] = "\n\n".join(parser.parts)
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    for key in ("id", "title", "outlet", "published", "url", "text"):
                        check(key in row, f"{path.name}: row {row.get('id')} lacks '{key}'")
                    check(row.get("published") == "2024-01-06", f"{row.get('id')}: published is not 2024-01-06")
                    check(row["id"] not in docs, f"duplicate id {row['id']}")
                    docs[row["id"]] = row["text"]
    return docs


def sentences(text):
    """Rule-based splitter good enough for this corpus: paragraphs, then [.!?] + optional quote + space."""
    out = []
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        start = 0
        for m in re.finditer(r'[.!?]["”’]?(?=\s+["“A-Z0-9])', para):
            if para[: m.start() + 1].split()[-1].lower() in ABBREVIATIONS:
                continue
            out.append(para[start : m.end()].strip())
            start = m.end()
        if para[start:].strip():
            out.append(para[start:].strip())
    return out


def body_of_txt(text):
    """Drops a first headline line that is followed by a blank line."""
    lines = text.split("\n")
    if len(lines) > 2 and lines[1].strip() == "" and not re.search(r"[.!?\"”]$", lines[0].strip()):
        return "\n".join(lines[2:]), lines[0]
    return text, None


def words(text):
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    return [w.lower() for w in re.findall(r"[A-Za-z0-9]+(?:[',.:-][A-Za-z0-9]+)*", text)]


def jaccard(a, b):
    x, y = set(words(a)), set(words(b))
    return len(x & y) / max(1, len(x | y))


def word_diff_count(a, b):
    """Number of word positions that differ between two word lists of equal length."""
    return sum(1 for p, q in zip(a, b) if p != q) + abs(len(a) - len(b))


def main():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    docs = load_documents()
    src_id = gold["source"]
    check(src_id in docs, "source document missing")
    source_text = docs[src_id]
    source_body, headline = body_of_txt(source_text)
    src_sents = sentences(source_body)
    paragraphs = [p for p in re.split(r"\n\s*\n", source_body) if p.strip()]

    # --- the source itself -----------------------------------------------------------
    check(headline is not None, "source has no headline line")
    check(28 <= len(src_sents) <= 32, f"source has {len(src_sents)} sentences")
    check(9 <= len(paragraphs) <= 12, f"source has {len(paragraphs)} paragraphs")
    check(re.match(r"^[A-Z]+, [A-Z][a-z]{2} \d{1,2}, \d{4} \(AFP\) — ", source_body) is not None, "dateline shape")
    check(sum(1 for s in src_sents if re.search(r'["”]', s)) >= 4, "fewer than 4 quoted sentences")

    # --- members, parents, relations -----------------------------------------------------
    ids = set(gold["members"]) | set(gold["unrelated"]) | {src_id}
    check(ids == set(docs), f"documents {sorted(set(docs) ^ ids)} are not in gold or not on disk")
    for member, m in gold["members"].items():
        check(m["relation"] in RELATIONS, f"{member}: unknown relation {m['relation']}")
        check(m["parent"] in docs and m["parent"] != member, f"{member}: bad parent {m['parent']}")
    check(gold["members"]["copy-of-excerpt"]["parent"] == "excerpt", "copy-of-excerpt must hang off excerpt")

    # --- duplicate: same words as the source body ------------------------------------------
    scraped = docs["copy-scraped"]
    glued = re.sub(r"([a-z][.!?][\"”]?)(?=[\"“A-Z])", r"\1 ", scraped)
    check(words(glued.replace("Daily Courier - ", "", 1)) == words(source_body), "copy-scraped words differ from the source")
    check(re.search(r"[a-z]\.[A-Z]", scraped) is not None and "  " in scraped and "“" in scraped and '"' in scraped,
          "copy-scraped lacks its noise")

    # --- near-duplicate: 3-5 changed words + one shortened sentence -------------------------------
    near = sentences(docs["near-dup"].split("\n\n", 1)[1])
    check(len(near) == len(src_sents), "near-dup sentence count")
    changed = [(a, b) for a, b in zip(src_sents, near) if a != b]
    same_len = [word_diff_count(words(a), words(b)) for a, b in changed if len(words(a)) == len(words(b))]
    shortened = [(a, b) for a, b in changed if len(words(b)) < len(words(a))]
    check(3 <= sum(same_len) <= 5, f"near-dup changes {sum(same_len)} words")
    check(len(shortened) == 1 and shortened[0][0].startswith(shortened[0][1][:-1]), "near-dup shortened sentence")

    # --- excerpt and its copy ----------------------------------------------------------------
    ex_body, _ = body_of_txt(docs["excerpt"])
    ex = sentences(ex_body.replace("Valley Post - ", "", 1))
    check(8 <= len(ex) <= 10, f"excerpt has {len(ex)} sentences")
    ex_edits = word_diff_count(words(" ".join(ex)), words(" ".join(src_sents[: len(ex)])))
    check(ex_edits == 1, f"excerpt differs from the source by {ex_edits} words, want exactly 1")
    cx = sentences(docs["copy-of-excerpt"].replace("Coast Gazette - ", "", 1))
    check(len(cx) == len(ex), "copy-of-excerpt must end where the excerpt ends")
    cx_vs_ex = word_diff_count(words(" ".join(cx)), words(" ".join(ex)))
    cx_vs_src = word_diff_count(words(" ".join(cx)), words(" ".join(src_sents[: len(ex)])))
    check(1 <= cx_vs_ex <= 3 and cx_vs_src == cx_vs_ex + ex_edits, "copy-of-excerpt must repeat the excerpt's edit")

    # --- every quoted sentence occurs verbatim -------------------------------------------------
    for member, changes in gold["factChanges"].items():
        for c in changes:
            check(c["sourceText"] in source_text, f"{member}: sourceText not in source: {c['sourceText'][:60]}")
            check(c["derivedText"] in docs[member], f"{member}: derivedText not in article: {c['derivedText'][:60]}")
            check(c["sourceText"] in src_sents, f"{member}: sourceText is not one whole source sentence")
            check(c["derivedText"] in sentences(docs[member]), f"{member}: derivedText is not one whole sentence")
            check(c["source"].split()[-1] in c["sourceText"], f"{member}: '{c['source']}' not in its source sentence")
            check(c["derived"] in c["derivedText"], f"{member}: '{c['derived']}' not in its derived sentence")
            # planted where an aligner pairs it: the pair must still look alike
            check(jaccard(c["sourceText"], c["derivedText"]) >= 0.6,
                  f"{member}: changed sentence too far from its source ({jaccard(c['sourceText'], c['derivedText']):.2f})")

    para = sentences(docs["paraphrase-llm"])
    aligned = [a["derived"] for a in gold["paraphraseAlignment"]]
    check(aligned == para, "paraphraseAlignment must list every paraphrase sentence, in order")
    for a in gold["paraphraseAlignment"]:
        for s in a["source"]:
            check(s in src_sents, f"paraphrase alignment source is not a source sentence: {s[:60]}")
        merged = " ".join(a["source"])
        if not re.search(r'["”]', a["derived"]):
            j = jaccard(a["derived"], merged)
            check(0.2 <= j <= 0.35, f"paraphrase sentence overlap {j:.2f}: {a['derived'][:60]}")
    check(sum(1 for a in gold["paraphraseAlignment"] if len(a["source"]) == 2) >= 2, "fewer than two merges")
    split = [a["source"][0] for a in gold["paraphraseAlignment"] if len(a["source"]) == 1]
    check(any(split.count(s) == 2 for s in split), "no split sentence")

    partial = sentences(docs["partial-rewrite"])
    for s in gold["partialAdded"]:
        check(s in partial, f"partialAdded not a sentence of partial-rewrite: {s[:60]}")
        check(max(jaccard(s, t) for t in src_sents) < 0.3, f"partialAdded resembles a source sentence: {s[:60]}")
    verbatim = [s for s in partial if s in src_sents]
    check(len(src_sents) - len(verbatim) - len(gold["factChanges"]["partial-rewrite"]) - 1 >= 6, "partial drops fewer than 6")
    check(5 <= len(gold["partialAdded"]) <= 7, "partialAdded count")

    # --- same-event: nothing copied -------------------------------------------------------------
    same_body, _ = body_of_txt(docs["same-event-independent"])
    worst = max(jaccard(s, t) for s in sentences(same_body) for t in src_sents)
    check(worst <= 0.3, f"same-event shares {worst:.2f} of words with a source sentence")
    quotes = re.findall(r'"([^"]{12,})[,.]?"', source_body)
    check(not any(q[:30] in same_body for q in quotes), "same-event copies a source quote")

    for f in failures:
        print("FAIL:", f)
    print(f"{len(docs)} documents, {len(src_sents)} source sentences, {len(para)} paraphrase sentences, "
          f"{len(partial)} partial sentences ({len(verbatim)} verbatim), same-event max overlap {worst:.2f}")
    print("gold OK" if not failures else f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
