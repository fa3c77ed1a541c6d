#!/usr/bin/env python3
"""Writes a deterministic corpus of page dumps recombined from the seed pages, for benchmarks.

usage: make_corpus.py SEEDS_DIR OUT_DIR [--articles N] [--per-page K]

Every page is laid out the way the papers print a clean page: a headline, a byline, paragraphs. Headlines,
reporters and paragraphs are drawn from the seeds with a fixed random seed, so two runs write the same bytes.
"""
import pathlib, random, re, sys

def harvest(seeds_dir):
    headlines, paragraphs, names = [], [], []
    for path in sorted(pathlib.Path(seeds_dir).glob("*.txt")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = re.sub(r"^#+\s*", "", raw).strip()
            m = re.match(r"^[□●■]?本报(?:融媒体)?记者\s+(.+)$", line)
            if m:
                names += [n for n in m.group(1).split() if 2 <= len(n) <= 4 and not n.endswith("生")]
            elif len(line) >= 80 and line[-1] in "。”":
                paragraphs.append(line)
            elif 8 <= len(line) <= 28 and line[-1] not in "。，,；：”)）" and not re.search(r"[摄□●■(（]", line):
                headlines.append(line)
    return headlines, paragraphs, sorted(set(names)) or ["李玉琢"]

def main(argv):
    seeds, out = argv[0], pathlib.Path(argv[1])
    articles = int(argv[argv.index("--articles") + 1]) if "--articles" in argv else 100_000
    per_page = int(argv[argv.index("--per-page") + 1]) if "--per-page" in argv else 40
    headlines, paragraphs, names = harvest(seeds)
    rng = random.Random(20240603)
    out.mkdir(parents=True, exist_ok=True)
    pages = (articles + per_page - 1) // per_page
    written = 0
    for page in range(pages):
        parts = []
        count = min(per_page, articles - written)
        # Drawn without replacement within a page: a real page repeats no headline and no paragraph.
        titles = rng.sample(headlines, k=min(count, len(headlines)))
        pool = rng.sample(paragraphs, k=len(paragraphs))
        for i in range(count):
            parts.append(titles[i % len(titles)])
            parts.append(f"□本报记者 {rng.choice(names)}")
            take = rng.randint(2, 3)
            parts.extend(pool[:take] if len(pool) >= take else rng.sample(paragraphs, k=take))
            pool = pool[take:]
            written += 1
        (out / f"bench_{page:05d}.txt").write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    print(f"{written} articles in {pages} pages written to {out}", file=sys.stderr)

if __name__ == "__main__":
    main(sys.argv[1:])
