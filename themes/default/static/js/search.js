/* kbgen default theme: the search page.
 *
 * Reads q and lang from the page URL, asks the search service
 * (GET <api>?q=..&lang=..) and lists the results. The strings come from the
 * page (data-search-config), already translated; the result count uses the
 * plural forms prepared at build time. Without JavaScript, or when the
 * service does not answer, the page says so in the reader's language.
 *
 * Only text and <mark> elements of a snippet reach the page, and only
 * site-relative result URLs become links.
 */
(function () {
  'use strict';
  var form = document.querySelector('form[data-search-config]');
  var status = document.getElementById('kb-search-status');
  var list = document.getElementById('kb-search-results');
  if (!form || !status || !list || !window.fetch || !window.URLSearchParams) return;
  var config;
  try {
    config = JSON.parse(form.getAttribute('data-search-config'));
  } catch (e) {
    return;
  }

  var params = new URLSearchParams(window.location.search);
  var query = (params.get('q') || '').trim();
  var lang = params.get('lang') || config.lang;
  form.elements.q.value = query;
  var select = form.elements.lang;
  if (select && select.querySelector('option[value="' + lang.replace(/[^a-z-]/gi, '') + '"]')) {
    select.value = lang;
  }

  var numbers;
  try {
    numbers = new Intl.NumberFormat(config.numberLocale);
  } catch (e) {
    numbers = { format: function (n) { return String(n); } };
  }

  function countText(n) {
    var exact = config.results.exact[String(n)];
    if (exact !== undefined) return exact;
    var category = 'other';
    try {
      category = new Intl.PluralRules(config.lang).select(n);
    } catch (e) { /* keep "other" */ }
    var pattern = config.results.forms[category] || config.results.forms.other;
    return pattern ? pattern.split('{count}').join(numbers.format(n)) : numbers.format(n);
  }

  function formatDate(iso) {
    try {
      return new Intl.DateTimeFormat(config.numberLocale, { dateStyle: 'long', timeZone: 'UTC' })
          .format(new Date(iso + 'T00:00:00Z'));
    } catch (e) {
      return iso;
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

  function element(name, className, text) {
    var el = document.createElement(name);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function showSuggestion(suggestion) {
    var parts = config.didYouMean.split('{suggestion}');
    var p = element('p', 'search-suggestion');
    var link = element('a', '', suggestion);
    var next = new URLSearchParams({ q: suggestion, lang: lang });
    link.href = '?' + next.toString();
    p.appendChild(document.createTextNode(parts[0] || ''));
    p.appendChild(link);
    p.appendChild(document.createTextNode(parts.slice(1).join(suggestion)));
    status.appendChild(p);
  }

  function show(data) {
    status.textContent = '';
    var total = Number(data.total) || 0;
    status.appendChild(element('p', '', total > 0 ? countText(total) : config.noResults));
    if (data.suggestion) showSuggestion(String(data.suggestion));
    var results = Array.isArray(data.results) ? data.results : [];
    results.forEach(function (r) {
      var item = element('li', 'search-result');
      var resultLang = typeof r.lang === 'string' ? r.lang : config.lang;
      var title = element('h2', 'search-result__title');
      var text = String(r.title || r.url || '');
      if (isSiteUrl(r.url)) {
        var a = element('a', '', text);
        a.href = r.url;
        if (resultLang !== config.lang) a.hreflang = resultLang;
        title.appendChild(a);
      } else {
        title.textContent = text;
      }
      if (resultLang !== config.lang) {
        item.lang = resultLang;
        item.dir = resultLang === 'ar' ? 'rtl' : 'ltr';
      }
      item.appendChild(title);
      var meta = element('p', 'search-result__meta');
      meta.lang = config.lang;
      meta.dir = config.dir;
      if (resultLang !== config.lang && config.langNames[resultLang]) {
        meta.appendChild(document.createTextNode(config.langNames[resultLang]));
      }
      if (/^\d{4}-\d{2}-\d{2}$/.test(r.date || '')) {
        if (meta.firstChild) meta.appendChild(document.createTextNode(' · '));
        var time = element('time', '', formatDate(r.date));
        time.dateTime = r.date;
        meta.appendChild(time);
      }
      if (meta.firstChild) item.appendChild(meta);
      var snippet = element('p', 'search-result__snippet');
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

  if (!query) return;
  // Every search goes through search-engine.js when it is there (the
  // service, or the in-browser engine on static hosting).
  function searchService(request) {
    if (window.kbSearchEngine) return window.kbSearchEngine.search(request);
    var url = config.api + '?' + new URLSearchParams({ q: request.q, lang: request.lang }).toString();
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (response) {
      if (!response.ok) throw new Error('search service: ' + response.status);
      return response.json();
    });
  }

  searchService({ q: query, lang: lang })
    .then(show)
    .catch(function () {
      status.textContent = config.unavailable;
    });
})();
