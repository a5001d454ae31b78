"""Planted pairs of a bench corpus against the stories of a scan.

Usage: python3 scripts/scan-quality.py CORPUS.jsonl SCAN.json
CORPUS.jsonl comes from `wiretrace bench --write-corpus` (planted articles carry "source" and "kind");
SCAN.json from `wiretrace scan CORPUS.jsonl --json SCAN.json`. Prints recall (planted derived articles in
their source's story), parent precision, direction flips and same-event attachments. Loads the scan JSON
whole: fine up to 100,000 articles (1 GB of JSON).
"""
import json, sys, itertools, collections
corpus, scan = sys.argv[1], sys.argv[2]
planted = []
for line in open(corpus):
    if '"source"' not in line: continue
    o = json.loads(line)
    if 'source' in o: planted.append((o['source'], o['id'], o.get('kind', 'planted')))
story_of, members = {}, {}
data = json.load(open(scan))
for s in data['stories']:
    members[s['id']] = s['members']
    for m in s['members']: story_of[m] = s['id']
by_kind = collections.defaultdict(lambda: [0, 0])
for src, der, kind in planted:
    ok = der in story_of and story_of.get(src) == story_of[der]
    by_kind[kind][0] += ok; by_kind[kind][1] += 1
tot = sum(v[0] for v in by_kind.values()), sum(v[1] for v in by_kind.values())
print(f"recall (planted derived article in its source's story): {tot[0]}/{tot[1]} = {tot[0]/tot[1]:.4f}")
for k, (a, b) in sorted(by_kind.items()): print(f"  {k}: {a}/{b} = {a/b:.4f}")
# parent precision: of the planted derived articles derived from something, those whose parent is in their gold group
group = {}
for src, der, kind in planted: group[der] = src; group.setdefault(src, src)
derived_in_story = 0; derived_right = 0
for s in data['stories']:
    for d in s['derivations']:
        if d['derived'] in group and group[d['derived']] != d['derived']:
            derived_in_story += 1
            derived_right += group.get(d['from'], d['from']) == group[d['derived']]
print(f"precision (planted derived articles whose parent is their source or a copy of it): {derived_right}/{derived_in_story} = {derived_right/max(1,derived_in_story):.4f}")
stories_planted = [s for s in data['stories'] if any(m in group for m in s['members'])]
print(f"stories {len(data['stories'])}, with planted articles {len(stories_planted)}, unrelated {len(data['unrelated'])}")
sources = {s['source'] for s in data['stories']}
flipped = sum(1 for src, der, kind in planted if der in sources and story_of.get(src) == story_of.get(der))
print(f"planted derived articles chosen as their story's source (direction flipped): {flipped}/{tot[1]}")
same_event = sum(1 for s in data['stories'] for d in s['derivations'] if d['derived'] in group and group[d['derived']] != d['derived'] and d['relation'] == 'same-event')
print(f"planted derived articles attached as same-event: {same_event}")
