/* kbgen in-browser search: the Web Worker that runs the engine.
 *
 * The site's search page (themes/default/static/js/search-engine.js) posts
 *   {type: 'search', id, params: [[name, value], ...], config}
 * where params are /api/search's query parameters and config names the
 * engine's files (content-hashed, from the page's search configuration):
 *   {wasm, icu: {base, zh}, db: {lang: url}, head: {lang: url}, block, ahead}
 * and gets back {id, status, body, stats}: the status and JSON body that
 * /api/search would answer, and what this search cost: requests, bytes,
 * the engine's own time (ms) and the time it waited for the network.
 *
 * This file is joined at build time with the emscripten glue
 * (createKbSearchEngine) and range_file.js (RangeFile) into one script.
 */
'use strict';

var kLanguages = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];
var stats = { requests: 0, bytes: 0, waitMs: 0 };
var files = {};         // database url -> RangeFile, shared by engine instances
var probes = {};        // database url -> Promise of its RangeFile
var icuData = {};       // 'base' | 'zh' -> Promise of Uint8Array
var wasmModule = null;  // Promise of the compiled WebAssembly.Module
var engine = null;      // {module, zh, mounted: {lang: true}}
var queue = Promise.resolve();
// Set once a server answered a range request with the whole file: later
// searches fail at once rather than try again (a browser may answer the
// next try from its cache of that response, which a large site's server
// would have been sending in full).
var noRanges = null;

function fetchBytes(url) {
  return fetch(url, { credentials: 'same-origin' }).then(function (r) {
    if (!r.ok) throw unavailable(url + ': ' + r.status);
    return r.arrayBuffer();
  }).then(function (buffer) {
    stats.requests += 1;
    stats.bytes += buffer.byteLength;
    return new Uint8Array(buffer);
  });
}

function unavailable(message) {
  var e = new Error(message);
  e.kind = 'unavailable';
  return e;
}

// A database, ready to read: its head (the inner blocks every search walks
// through, single_file_index.h) and a one-byte range request that tells
// its size and whether the server answers ranges at all, side by side. A
// server that answers 200 (the whole file) is stopped reading at once.
function probe(lang, config) {
  var url = config.db[lang];
  if (noRanges) return Promise.reject(noRanges);
  if (probes[url]) return probes[url];
  var size = fetch(url, { headers: { Range: 'bytes=0-0' }, credentials: 'same-origin' })
    .then(function (r) {
      var range = /\/(\d+)\s*$/.exec(r.headers.get('Content-Range') || '');
      if (r.status !== 206 || !range) {
        if (r.body && r.body.cancel) r.body.cancel();
        noRanges = unavailable(url + ': the server does not answer range requests (' + r.status + ')');
        throw noRanges;
      }
      return r.arrayBuffer().then(function (buffer) {
        stats.requests += 1;
        stats.bytes += buffer.byteLength;
        return Number(range[1]);
      });
    });
  probes[url] = Promise.all([size, fetchBytes(config.head[lang])]).then(function (got) {
    var file = new RangeFile(url, got[0], config.block, config.ahead, stats);
    var head = got[1];
    var record = 4 + config.block;
    for (var at = 0; at + record <= head.length; at += record) {
      var block = head[at] | (head[at + 1] << 8) | (head[at + 2] << 16) | (head[at + 3] << 24);
      file.keep(block * config.block, head.subarray(at + 4, at + record));
    }
    files[url] = file;
    return file;
  });
  probes[url].catch(function () { delete probes[url]; });
  return probes[url];
}

function compiledWasm(url) {
  if (!wasmModule) {
    wasmModule = fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw unavailable(url + ': ' + r.status);
      return r.arrayBuffer();
    }).then(function (buffer) {
      stats.requests += 1;
      stats.bytes += buffer.byteLength;
      return WebAssembly.compile(buffer);
    });
    wasmModule.catch(function () { wasmModule = null; });
  }
  return wasmModule;
}

function icu(name, url) {
  if (!icuData[name]) {
    icuData[name] = fetchBytes(url);
    icuData[name].catch(function () { delete icuData[name]; });
  }
  return icuData[name];
}

// A new engine instance, with the Chinese dictionary or without. ICU
// remembers that it had no dictionary for a script, so an instance
// started without it is replaced, never given it later.
function startEngine(config, zh) {
  var wanted = [compiledWasm(config.wasm), icu('base', config.icu.base)];
  if (zh) wanted.push(icu('zh', config.icu.zh));
  return Promise.all(wanted).then(function (got) {
    return createKbSearchEngine({
      instantiateWasm: function (imports, done) {
        WebAssembly.instantiate(got[0], imports).then(function (instance) { done(instance, got[0]); });
        return {};
      },
      print: function () {},
      printErr: function () {},
    }).then(function (module) {
      got.slice(1).forEach(function (data) {
        var p = module._malloc(data.length);
        module.HEAPU8.set(data, p);  // kept for the life of the instance
        if (module._kb_add_icu_data(p) !== 0) throw unavailable('ICU data not accepted');
      });
      module.FS.mkdirTree('/site/search');
      var error = module.UTF8ToString(module._kb_open(stringArg(module, '/site')));
      if (error) throw unavailable(error);
      engine = { module: module, zh: zh, mounted: {} };
      return engine;
    });
  });
}

function stringArg(module, s) {
  var n = module.lengthBytesUTF8(s) + 1;
  var p = module._malloc(n);
  module.stringToUTF8(s, p, n);
  return p;
}

function mount(config, lang, file) {
  if (engine.mounted[lang]) return;
  var FS = engine.module.FS;
  var dir = '/site/search/' + lang;
  FS.mkdirTree(dir);
  file.mount(FS, dir, 'db.glass');
  FS.writeFile(dir + '/index.stub', 'auto ' + dir + '/db.glass\n');
  engine.mounted[lang] = true;
}

function search(message) {
  var config = message.config;
  var lang = 'en';
  var query = '';
  message.params.forEach(function (p) {
    if (p[0] === 'lang') lang = p[1];
    if (p[0] === 'q') query = p[1];
  });
  var langs = lang === 'all' ? kLanguages : kLanguages.indexOf(lang) >= 0 ? [lang] : [];
  var zh = langs.indexOf('zh') >= 0 || /\p{Script=Han}/u.test(query);
  var before = { requests: stats.requests, bytes: stats.bytes, waitMs: stats.waitMs };
  var ready = engine && (engine.zh || !zh) ? Promise.resolve(engine) : startEngine(config, zh);
  var dbs = langs.map(function (l) { return probe(l, config); });
  return Promise.all([ready].concat(dbs)).then(function (got) {
    langs.forEach(function (l, i) { mount(config, l, got[i + 1]); });
    var module = engine.module;
    var arg = stringArg(module, JSON.stringify(message.params));
    var waited = stats.waitMs;
    var started = performance.now();
    var answer = JSON.parse(module.UTF8ToString(module._kb_search(arg)));
    var ms = performance.now() - started;
    module._free(arg);
    // ms: the engine's time from the data's arrival to the answer, without
    // the time its reads waited for the network.
    return {
      id: message.id, status: answer.status, body: answer.body,
      stats: {
        requests: stats.requests - before.requests, bytes: stats.bytes - before.bytes,
        ms: ms - (stats.waitMs - waited), waitMs: stats.waitMs - before.waitMs,
      },
    };
  });
}

self.onmessage = function (event) {
  var message = event.data;
  if (!message || message.type !== 'search') return;
  // One search at a time: the engine is synchronous and single-threaded.
  queue = queue.then(function () { return search(message); }).then(function (reply) {
    self.postMessage(reply);
  }, function (error) {
    self.postMessage({
      id: message.id, status: 0,
      error: { kind: error.kind || 'unavailable', message: String(error.message || error) },
    });
  });
};
