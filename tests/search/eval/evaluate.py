#!/usr/bin/env python3
"""Relevance of kbgen's search on the shipped content, per language.

Builds the site (or takes a built one), runs every query of queries.tsv
through `kbgen search --json`, and prints per language: success at 3 (an
expected page among the first three results), mean reciprocal rank of the
first expected page (within the first 10), and the number of queries
that found nothing. With --min-success / --max-zero it fails (exit 1)
when relevance falls below the floor: ctest runs it that way.

usage: evaluate.py --kbgen BIN [--site DIR | --source DIR]
                   [--queries FILE] [--min-success F] [--max-zero N] [--verbose]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

LANGS = ["ar", "en", "es", "fr", "ru", "zh"]


def read_queries(path):
    queries = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or parts[0] not in LANGS or not parts[1] or not parts[2].split():
                sys.exit(f"{path}:{number}: error: expected language, query and pages, tab-separated")
            queries.append((parts[0], parts[1], parts[2].split()))
    return queries


def build_site(kbgen, source, out):
    cmd = [kbgen, "build", "--quiet", "--content", os.path.join(source, "content"),
           "--out", out, "--theme", os.path.join(source, "themes", "default"),
           "--i18n", os.path.join(source, "i18n"), "--config", os.path.join(source, "kbgen.yml")]
    subprocess.run(cmd, check=True)


def search(kbgen, site, lang, query):
    out = subprocess.run([kbgen, "search", "--site", site, "--lang", lang, "--limit", "10",
                          "--json", "--", query], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"kbgen search failed for {lang} '{query}': {out.stderr.strip()}")
    return json.loads(out.stdout)


def path_of(url, lang):
    prefix = "/" + lang + "/"
    path = url[url.find(prefix) + len(prefix):] if prefix in url else url
    return path.strip("/")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kbgen", required=True)
    ap.add_argument("--site")
    ap.add_argument("--source", default=".", help="repository with content/, i18n/, themes/")
    ap.add_argument("--queries", default=os.path.join(os.path.dirname(__file__), "queries.tsv"))
    ap.add_argument("--min-success", type=float, default=0.0, help="floor of success at 3, 0..1")
    ap.add_argument("--max-zero", type=int, default=-1, help="most queries allowed to find nothing")
    ap.add_argument("--verbose", action="store_true", help="list the queries that missed")
    args = ap.parse_args()
    queries = read_queries(args.queries)

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if not site:
            site = os.path.join(tmp, "site")
            build_site(args.kbgen, args.source, site)
        stats = {lang: {"n": 0, "hit3": 0, "rr": 0.0, "zero": 0} for lang in LANGS}
        misses = []
        for lang, query, expected in queries:
            result = search(args.kbgen, site, lang, query)
            paths = [path_of(r["url"], lang) for r in result["results"]]
            s = stats[lang]
            s["n"] += 1
            if result["total"] == 0:
                s["zero"] += 1
            rank = next((i + 1 for i, p in enumerate(paths) if p in expected), None)
            if rank:
                s["rr"] += 1.0 / rank
            if rank and rank <= 3:
                s["hit3"] += 1
            else:
                misses.append((lang, query, expected, paths[:3], rank))

    print(f"{'lang':<6}{'queries':>8}{'success@3':>11}{'MRR':>7}{'zero':>6}")
    total = {"n": 0, "hit3": 0, "rr": 0.0, "zero": 0}
    for lang in LANGS:
        s = stats[lang]
        if s["n"] == 0:
            continue
        for k in total:
            total[k] += s[k]
        print(f"{lang:<6}{s['n']:>8}{s['hit3']:>5}/{s['n']:<2} {s['hit3'] / s['n']:>4.2f}"
              f"{s['rr'] / s['n']:>7.3f}{s['zero']:>6}")
    n = total["n"]
    print(f"{'all':<6}{n:>8}{total['hit3']:>5}/{n:<2} {total['hit3'] / n:>4.2f}"
          f"{total['rr'] / n:>7.3f}{total['zero']:>6}")
    if args.verbose or args.min_success > 0:
        for lang, query, expected, top, rank in misses:
            print(f"miss [{lang}] {query!r}: expected {' '.join(expected)} "
                  f"(rank {rank or '-'}), top 3: {', '.join(top) or 'nothing'}")
    failed = False
    if total["hit3"] / n < args.min_success:
        print(f"FAIL: success at 3 is {total['hit3'] / n:.2f}, below the floor {args.min_success:.2f}")
        failed = True
    if args.max_zero >= 0 and total["zero"] > args.max_zero:
        print(f"FAIL: {total['zero']} queries found nothing (at most {args.max_zero} allowed)")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
