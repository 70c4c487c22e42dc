/* kbgen default theme: where the search page's results come from.
 *
 *   window.kbSearchEngine.search(request) -> Promise of /api/search's JSON
 *   request: {q, lang, page, limit, filters: [[name, value], ...], correct}
 *   (correct: false searches the words as typed, without spelling correction)
 *
 * The site's search service answers when the site is served by
 * `kbgen serve` or a web server with kbgen's FastCGI/CGI program. On plain
 * static hosting there is none, and the same search runs in the reader's
 * browser instead: a Web Worker runs the site's own query code and Xapian,
 * compiled to WebAssembly, over the site's prebuilt index, fetching only
 * the blocks a query needs with HTTP range requests. Which of the two
 * answered is remembered for the rest of the visit.
 *
 * A rejected promise carries .kind: 'bad-request' (the message is for the
 * reader) or 'unavailable' (no service, and no engine: an old browser,
 * WebAssembly blocked, or a host that does not answer range requests).
 */
(function () {
  'use strict';
  var form = document.querySelector('form[data-search-config]');
  if (!form || !window.fetch || !window.Promise) return;
  var config;
  try {
    config = JSON.parse(form.getAttribute('data-search-config'));
  } catch (e) {
    return;
  }
  var engine = config.engine;  // absent when the build had no engine to publish
  var kModeKey = 'kb-search-mode';
  var mode = null;  // 'api' | 'browser'
  try {
    mode = window.sessionStorage.getItem(kModeKey);
  } catch (e) { /* storage disabled: probe again on each page */ }

  function remember(m) {
    mode = m;
    try {
      window.sessionStorage.setItem(kModeKey, m);
    } catch (e) { /* nothing to remember it in */ }
  }

  function failure(kind, message) {
    var e = new Error(message);
    e.kind = kind;
    return e;
  }

  function toParams(request) {
    var params = [['q', request.q || ''], ['lang', request.lang || config.lang]];
    if (request.page) params.push(['page', String(request.page)]);
    if (request.limit) params.push(['limit', String(request.limit)]);
    (request.filters || []).forEach(function (f) { params.push(['filter', f[0] + ':' + f[1]]); });
    if (request.correct === false) params.push(['correct', '0']);
    return params;
  }

  // The answer of /api/search, or 'no-service' when nothing there speaks it.
  function viaService(params) {
    var query = params.map(function (p) {
      return encodeURIComponent(p[0]) + '=' + encodeURIComponent(p[1]);
    }).join('&');
    return fetch(config.api + '?' + query, { headers: { Accept: 'application/json' } })
      .then(function (r) {
        var json = /^application\/json/.test(r.headers.get('Content-Type') || '');
        if (!json) throw failure('no-service', String(r.status));
        return r.json().then(function (body) { return { status: r.status, body: body }; });
      }, function () {
        throw failure('no-service', 'network');
      });
  }

  var worker = null;
  var pending = {};
  var nextId = 1;

  function startWorker() {
    if (!engine || typeof WebAssembly !== 'object' || !window.Worker) {
      throw failure('unavailable', 'no in-browser search engine');
    }
    worker = new Worker(engine.worker);
    worker.onmessage = function (event) {
      var reply = event.data;
      var p = pending[reply.id];
      if (!p) return;
      delete pending[reply.id];
      p.settle(reply);
    };
    worker.onerror = function (event) {
      event.preventDefault();
      Object.keys(pending).forEach(function (id) {
        pending[id].settle({ status: 0, error: { kind: 'unavailable', message: 'engine failed' } });
      });
      pending = {};
      worker = null;
    };
  }

  function viaBrowser(params) {
    return new Promise(function (resolve, reject) {
      if (!worker) startWorker();
      var id = nextId++;
      pending[id] = {
        settle: function (reply) {
          if (reply.status === 0) reject(failure('unavailable', reply.error.message));
          else resolve(reply);
        },
      };
      worker.postMessage({ type: 'search', id: id, params: params, config: engine });
    });
  }

  function answer(reply) {
    window.kbSearchEngine.last = reply.stats || null;
    if (reply.status === 200) return reply.body;
    throw failure(reply.status === 400 ? 'bad-request' : 'unavailable',
                  (reply.body && reply.body.error) || String(reply.status));
  }

  window.kbSearchEngine = {
    last: null,  // {requests, bytes, ms} of the last in-browser search
    search: function (request) {
      var params = toParams(request);
      if (mode === 'browser') return viaBrowser(params).then(answer);
      return viaService(params).then(function (reply) {
        remember('api');
        return answer(reply);
      }, function (e) {
        if (e.kind !== 'no-service') throw e;
        remember('browser');
        return viaBrowser(params).then(answer);
      });
    },
  };
})();
