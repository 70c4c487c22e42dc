#!/usr/bin/env python3
"""Browser tests of the search page, in headless Chromium.

Builds the shipped content, starts `kbgen serve`, and loads search pages
as a reader would:
  - without JavaScript: the page `kbgen serve` renders (results, count,
    facets, links to every page of results, "Showing results for"), as
    served, and in Chromium with JavaScript on (search.js leaves it be),
  - with JavaScript, through a plain static server that forwards
    /api/search to kbgen (so search.js renders): paging,
  - the Arabic page searching all languages: results in other languages
    carry their lang and dir, titles and language names are in <bdi>.
Each check prints ok or FAIL; the exit status is 1 when one failed.

usage: search_page_browser_test.py --kbgen BIN --source DIR [--chromium BIN]
"""
import argparse
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.request

failures = []


def check(name, condition, detail=""):
    print(("ok    " if condition else "FAIL  ") + name + ("" if condition else ": " + detail))
    if not condition:
        failures.append(name)


def dump_dom(chromium, url, javascript):
    if not javascript:
        # What a browser without JavaScript shows is the HTML as served
        # (headless Chromium's --dump-dom needs scripts to run).
        with urllib.request.urlopen(url) as r:
            return r.read().decode("utf-8")
    profile = tempfile.mkdtemp(prefix="kbgen-chromium-")
    try:
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom"]
        if not javascript:
            cmd.append("--blink-settings=scriptEnabled=false")
        out = subprocess.run(cmd + [url], capture_output=True, text=True, timeout=120)
        return out.stdout
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def start_static_server(site, api_base):
    """Serves the site's files, and /api/search from kbgen serve."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=site, **kw)

        def do_GET(self):
            if self.path.startswith("/api/search"):
                with urllib.request.urlopen(api_base + self.path) as r:
                    body = r.read()
                self.send_response(200)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kbgen", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = ap.parse_args()
    if not shutil.which(args.chromium):
        print("chromium not found: install it with scripts/install-deps --with-browser")
        return 1

    tmp = tempfile.mkdtemp(prefix="kbgen-browser-")
    serve = None
    static = None
    try:
        site = os.path.join(tmp, "site")
        subprocess.run([args.kbgen, "build", "--quiet", "--out", site,
                        "--content", os.path.join(args.source, "content"),
                        "--theme", os.path.join(args.source, "themes", "default"),
                        "--i18n", os.path.join(args.source, "i18n"),
                        "--config", os.path.join(args.source, "kbgen.yml")], check=True)
        serve = subprocess.Popen([args.kbgen, "serve", "--site", site, "--port", "0"],
                                 stdout=subprocess.PIPE, text=True)
        line = serve.stdout.readline()
        port = re.search(r":(\d+)/", line).group(1)
        base = "http://127.0.0.1:" + port
        static = start_static_server(site, base)
        static_base = "http://127.0.0.1:%d" % static.server_address[1]

        # --- without JavaScript: rendered by kbgen serve ---
        dom = dump_dom(args.chromium, base + "/en/search/?q=innovation", False)
        results = dom.count('class="search-result"')
        check("no-JS: ten results on the first page", results == 10, "%d results" % results)
        check("no-JS: the count says which results are shown",
              re.search(r"\d+ results \(showing 1–10\)", dom) is not None, dom[:300])
        check("no-JS: a link to the next page", 'rel="next"' in dom and "page=2" in dom)
        check("no-JS: facets with counts", 'class="search-facet"' in dom and
              re.search(r'class="search-facet__count">\(\d+\)', dom) is not None)
        check("no-JS: the query stays in the search box", 'value="innovation"' in dom)
        dom = dump_dom(args.chromium, base + "/en/search/?q=innovation", True)
        results = dom.count('class="search-result"')
        check("served page in Chromium: search.js leaves the results as they are",
              results == 10 and dom.count('class="search-count"') == 1, "%d results" % results)
        dom = dump_dom(args.chromium, base + "/en/search/?q=innovation&page=3", False)
        check("no-JS: page 3 is reachable and marked current",
              '<span aria-current="page">3</span>' in dom and 'rel="prev"' in dom)
        dom = dump_dom(args.chromium, base + "/en/search/?q=ecosytem+stakholders", False)
        check("no-JS: a misspelled query shows results for its correction",
              "Showing results for" in dom and "Search instead for" in dom and
              'class="search-result"' in dom and "correct=0" in dom)
        dom = dump_dom(args.chromium, base + "/en/search/?q=%3Cscript%3Ealert(1)%3C/script%3E", False)
        check("no-JS: the query is escaped", "<script>alert(1)" not in dom)

        # --- with JavaScript: search.js renders the page, paging ---
        dom = dump_dom(args.chromium, static_base + "/en/search/?q=innovation&page=2", True)
        results = dom.count('class="search-result"')
        check("JS: ten results on page 2", results == 10, "%d results" % results)
        check("JS: the count says 11–20", "(showing 11–20)" in dom, dom[:300])
        check("JS: page 2 marked current, links back and on",
              'aria-current="page">2<' in dom and 'rel="prev"' in dom and 'rel="next"' in dom)
        check("JS: facets with counts", 'class="search-facet"' in dom)
        dom = dump_dom(args.chromium, static_base + "/en/search/?q=mappng", True)
        check("JS: a misspelled query shows results for its correction",
              "Showing results for" in dom and 'class="search-result"' in dom)

        # --- the Arabic page, results in several languages ---
        for label, url, js in [("no-JS", base, False), ("JS", static_base, True)]:
            dom = dump_dom(args.chromium, url + "/ar/search/?q=innovation&lang=all", js)
            check(label + " ar: results in other languages carry lang and dir",
                  re.search(r'<li class="search-result" lang="(en|fr)" dir="ltr">', dom) is not None,
                  dom[:300])
            check(label + " ar: titles isolated in <bdi>",
                  re.search(r'class="search-result__title"><a [^>]*><bdi>', dom) is not None)
            check(label + " ar: language names in <bdi>, meta in the page's direction",
                  re.search(r'class="search-result__meta" lang="ar" dir="rtl"><bdi>', dom) is not None)
            check(label + " ar: the language facet", "اللغة" in dom and "filter=lang%3Aen" in dom)
            check(label + " ar: snippets with dir=auto",
                  'class="search-result__snippet" dir="auto"' in dom)
    finally:
        if static:
            static.shutdown()
        if serve:
            serve.terminate()
            serve.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
