/* kbgen default theme: the search page.
 *
 * Reads the request from the page URL (?q=..&lang=..&page=..&filter=name:value..
 * &correct=0), asks searchService() for the results and renders them: the
 * count (or the range shown), "Showing results for X. Search instead for
 * Y", "Did you mean", the results, facets with counts (a link adds or
 * removes a filter) and links to every page of results. The strings come
 * from the page (data-search-config), already translated; the result count
 * uses the plural forms prepared at build time. `kbgen serve` renders the
 * same elements on the server from the same strings (search/results_page.h);
 * a page it rendered is left as it is.
 *
 * All access to results goes through searchService(request): the search
 * engine of the page (window.kbSearchEngine, when a script defines it)
 * or the site's search service (GET /api/search). It resolves with the
 * JSON of `kbgen search --json`, or rejects with an Error whose .kind is
 * 'bad-request' (its message is shown) or 'unavailable'.
 *
 * Only text and <mark> elements of a snippet reach the page, and only
 * site-relative result URLs become links. Text whose direction may differ
 * from the page's is isolated in <bdi>.
 */
(function () {
  'use strict';
  var form = document.querySelector('form[data-search-config]');
  var status = document.getElementById('kb-search-status');
  var list = document.getElementById('kb-search-results');
  var facetsBox = document.getElementById('kb-search-facets');
  var pager = document.getElementById('kb-search-pager');
  if (!form || !status || !list || !window.URLSearchParams || !window.Promise) return;
  var config;
  try {
    config = JSON.parse(form.getAttribute('data-search-config'));
  } catch (e) {
    return;
  }
  var pageSize = Number(config.pageSize) || 10;

  // --- the request, from the page URL ---
  var params = new URLSearchParams(window.location.search);
  var request = {
    q: (params.get('q') || '').trim(),
    lang: params.get('lang') || config.lang,
    page: Math.max(1, parseInt(params.get('page') || '1', 10) || 1),
    limit: pageSize,
    filters: params.getAll('filter').map(function (f) {
      var at = f.search(/[:=]/);
      return at > 0 ? [f.slice(0, at), f.slice(at + 1)] : null;
    }).filter(Boolean),
    correct: params.get('correct') !== '0'
  };
  form.elements.q.value = request.q;
  var select = form.elements.lang;
  if (select && select.querySelector('option[value="' + request.lang.replace(/[^a-z-]/gi, '') + '"]')) {
    select.value = request.lang;
  }
  // Rendered by the server already: nothing to do.
  if (status.querySelector('*')) return;

  function searchError(kind, message) {
    var e = new Error(message);
    e.kind = kind;
    return e;
  }

  // The one way to results: request = {q, lang, page, limit, filters, correct}.
  function searchService(req) {
    if (window.kbSearchEngine && typeof window.kbSearchEngine.search === 'function') {
      return Promise.resolve().then(function () { return window.kbSearchEngine.search(req); });
    }
    if (!window.fetch) return Promise.reject(searchError('unavailable', 'no fetch'));
    var query = new URLSearchParams({ q: req.q, lang: req.lang, page: String(req.page),
                                      limit: String(req.limit) });
    (req.filters || []).forEach(function (f) { query.append('filter', f[0] + ':' + f[1]); });
    if (req.correct === false) query.append('correct', '0');
    return fetch(config.api + '?' + query.toString(), { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 400) {
          return response.json().then(function (body) {
            throw searchError('bad-request', body && body.error ? String(body.error) : 'bad request');
          }, function () {
            throw searchError('bad-request', 'bad request');
          });
        }
        if (!response.ok) throw searchError('unavailable', 'search service: ' + response.status);
        return response.json();
      }, function (err) {
        throw searchError('unavailable', String(err));
      });
  }

  // --- formats, as the build formats them ---
  var numbers;
  try {
    numbers = new Intl.NumberFormat(config.numberLocale);
  } catch (e) {
    numbers = { format: function (n) { return String(n); } };
  }
  function number(n) { return numbers.format(n); }

  function countText(n) {
    var exact = config.results.exact[String(n)];
    if (exact !== undefined) return exact;
    var category = 'other';
    try {
      category = new Intl.PluralRules(config.lang).select(n);
    } catch (e) { /* keep "other" */ }
    var pattern = config.results.forms[category] || config.results.forms.other;
    return pattern ? pattern.split('{count}').join(number(n)) : number(n);
  }

  function formatDate(iso) {
    try {
      return new Intl.DateTimeFormat(config.numberLocale, { dateStyle: 'long', timeZone: 'UTC' })
          .format(new Date(iso + 'T00:00:00Z'));
    } catch (e) {
      return iso;
    }
  }

  function nameIn(map, value) {
    var names = config[map];
    return names && typeof names[value] === 'string' ? names[value] : value;
  }

  // --- links to other requests, written as the server writes them ---
  function href(req) {
    var query = new URLSearchParams();
    query.append('q', req.q);
    query.append('lang', req.lang);
    if (req.page > 1) query.append('page', String(req.page));
    req.filters.forEach(function (f) { query.append('filter', f[0] + ':' + f[1]); });
    if (req.correct === false) query.append('correct', '0');
    return '?' + query.toString();
  }
  function withChanges(changes) {
    var next = { q: request.q, lang: request.lang, page: request.page, limit: request.limit,
                 filters: request.filters.slice(), correct: request.correct };
    Object.keys(changes).forEach(function (k) { next[k] = changes[k]; });
    return next;
  }

  // --- elements ---
  function element(name, className, text) {
    var el = document.createElement(name);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }
  function bdi(text) { return element('bdi', '', text); }
  function link(req, text) {
    var a = element('a');
    a.href = href(req);
    a.appendChild(bdi(text));
    return a;
  }
  // A message with one placeholder replaced by a node.
  function message(p, pattern, placeholder, node) {
    var parts = String(pattern || '').split(placeholder);
    p.appendChild(document.createTextNode(parts[0] || ''));
    if (parts.length > 1) {
      p.appendChild(node);
      p.appendChild(document.createTextNode(parts.slice(1).join(placeholder)));
    }
  }
  function isSiteUrl(url) {
    return typeof url === 'string' && url.charAt(0) === '/' && url.charAt(1) !== '/' &&
        url.charAt(1) !== '\\';
  }
  // Copies text and <mark> from parsed snippet HTML; drops everything else.
  function copyMarked(from, to) {
    for (var node = from.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        to.appendChild(document.createTextNode(node.nodeValue));
      } else if (node.nodeType === 1) {
        if (node.nodeName === 'MARK') {
          var mark = document.createElement('mark');
          copyMarked(node, mark);
          to.appendChild(mark);
        } else {
          copyMarked(node, to);
        }
      }
    }
  }

  function showStatus(data, shown) {
    var total = Number(data.total) || 0;
    var text;
    if (total === 0) {
      text = config.noResults;
    } else if ((request.page === 1 && total <= pageSize) || shown === 0) {
      text = countText(total);
    } else {
      var first = (request.page - 1) * pageSize + 1;
      text = String(config.range).split('{results}').join(countText(total))
          .split('{first}').join(number(first)).split('{last}').join(number(first + shown - 1));
    }
    status.appendChild(element('p', 'search-count', text));
    if (data.corrected && typeof data.corrected.query === 'string') {
      var p = element('p', 'search-corrected');
      message(p, config.showingResultsFor, '{query}',
              link(withChanges({ q: data.corrected.query, page: 1 }), data.corrected.query));
      p.appendChild(document.createTextNode(' '));
      message(p, config.searchInsteadFor, '{query}',
              link(withChanges({ page: 1, correct: false }), request.q));
      status.appendChild(p);
    }
    if (typeof data.suggestion === 'string') {
      var s = element('p', 'search-suggestion');
      message(s, config.didYouMean, '{suggestion}',
              link(withChanges({ q: data.suggestion, page: 1 }), data.suggestion));
      status.appendChild(s);
    }
  }

  function showResults(results) {
    results.forEach(function (r) {
      var item = element('li', 'search-result');
      var resultLang = typeof r.lang === 'string' ? r.lang : config.lang;
      var other = resultLang !== config.lang;
      if (other) {
        item.lang = resultLang;
        item.dir = resultLang === 'ar' ? 'rtl' : 'ltr';
      }
      var title = element('h2', 'search-result__title');
      var text = String(r.title || r.url || '');
      if (isSiteUrl(r.url)) {
        var a = element('a');
        a.href = r.url;
        if (other) a.hreflang = resultLang;
        a.appendChild(bdi(text));
        title.appendChild(a);
      } else {
        title.appendChild(bdi(text));
      }
      item.appendChild(title);
      var meta = element('p', 'search-result__meta');
      meta.lang = config.lang;
      meta.dir = config.dir;
      if (other) meta.appendChild(bdi(nameIn('langNames', resultLang)));
      if (/^\d{4}-\d{2}-\d{2}$/.test(r.date || '')) {
        if (meta.firstChild) meta.appendChild(document.createTextNode(' · '));
        var time = element('time');
        time.dateTime = r.date;
        time.appendChild(bdi(formatDate(r.date)));
        meta.appendChild(time);
      }
      if (meta.firstChild) item.appendChild(meta);
      var snippet = element('p', 'search-result__snippet');
      snippet.dir = 'auto';
      if (r.snippet) {
        var doc = new DOMParser().parseFromString('<body>' + String(r.snippet) + '</body>', 'text/html');
        copyMarked(doc.body, snippet);
      } else if (r.summary) {
        snippet.textContent = String(r.summary);
      }
      if (snippet.firstChild) item.appendChild(snippet);
      list.appendChild(item);
    });
  }

  var facetOrder = ['lang', 'section', 'type', 'region', 'country', 'year', 'tags'];
  function showFacets(data) {
    if (!facetsBox || ((Number(data.total) || 0) === 0 && request.filters.length === 0)) return;
    facetsBox.appendChild(element('h2', 'search-facets__title', config.refine));
    if (request.filters.length) {
      var clear = element('p', 'search-facets__clear');
      var a = element('a', '', config.clearFilters);
      a.href = href(withChanges({ filters: [], page: 1 }));
      clear.appendChild(a);
      facetsBox.appendChild(clear);
    }
    var facets = data.facets || {};
    facetOrder.forEach(function (name) {
      if (name === 'lang' && request.lang !== 'all') return;
      var counts = facets[name];
      if (!counts) return;
      var values = Object.keys(counts).map(function (v) { return [v, Number(counts[v]) || 0]; });
      if (!values.length) return;
      // By count, ties in the order given (the server's order).
      values = values.map(function (v, i) { return v.concat(i); })
          .sort(function (a, b) { return b[1] - a[1] || a[2] - b[2]; }).slice(0, 12);
      var section = element('section', 'search-facet');
      section.appendChild(element('h3', '', (config.facetLabels || {})[name] || name));
      var ul = element('ul');
      values.forEach(function (v) {
        var filters = request.filters.slice();
        var at = -1;
        filters.forEach(function (f, i) { if (f[0] === name && f[1] === v[0]) at = i; });
        if (at >= 0) filters.splice(at, 1); else filters.push([name, v[0]]);
        var display = name === 'lang' ? nameIn('langNames', v[0])
            : name === 'section' ? nameIn('sectionNames', v[0])
            : name === 'year' ? v[0] : nameIn('termNames', v[0]);
        var li = element('li');
        var a = element('a');
        a.href = href(withChanges({ filters: filters, page: 1 }));
        if (at >= 0) a.setAttribute('aria-current', 'true');
        a.appendChild(bdi(display));
        li.appendChild(a);
        li.appendChild(document.createTextNode(' '));
        li.appendChild(element('span', 'search-facet__count', '(' + number(v[1]) + ')'));
        ul.appendChild(li);
      });
      section.appendChild(ul);
      facetsBox.appendChild(section);
    });
  }

  function showPager(data) {
    if (!pager) return;
    var reachable = Math.min(Number(data.total) || 0, 10000);
    var pages = Math.ceil(reachable / pageSize);
    if (pages <= 1) return;
    function add(page, text, rel) {
      var a = element('a', '', text);
      a.href = href(withChanges({ page: page }));
      if (rel) a.rel = rel;
      pager.appendChild(a);
    }
    if (request.page > 1) add(request.page - 1, config.previous, 'prev');
    for (var p = Math.max(1, request.page - 3); p <= Math.min(pages, request.page + 3); p++) {
      if (p === request.page) {
        var current = element('span', '', number(p));
        current.setAttribute('aria-current', 'page');
        pager.appendChild(current);
      } else {
        add(p, number(p));
      }
    }
    if (request.page < pages) add(request.page + 1, config.next, 'next');
  }

  function show(data) {
    status.textContent = '';
    var results = Array.isArray(data.results) ? data.results : [];
    showStatus(data, results.length);
    showResults(results);
    showFacets(data);
    showPager(data);
  }

  function showFailure(error) {
    status.textContent = '';
    if (error && error.kind === 'bad-request') {
      status.appendChild(element('p', 'search-error', error.message));
      return;
    }
    var p = element('p', 'search-error', config.unavailable + ' ');
    var a = element('a', '', config.webSearch);
    a.href = 'https://duckduckgo.com/?q=' +
        encodeURIComponent('site:' + window.location.host + ' ' + request.q);
    p.appendChild(a);
    status.appendChild(p);
  }

  if (!request.q) return;
  searchService(request).then(show, showFailure);
})();
