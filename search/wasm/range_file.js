/* kbgen in-browser search: a read-only file of the engine's file system
 * whose bytes are fetched from the web server on demand, with HTTP range
 * requests, a run of blocks at a time, and kept for the life of the worker.
 *
 * Reads are synchronous (the engine's C++ calls pread), so the requests
 * are synchronous XMLHttpRequests: allowed in a Web Worker, never on a
 * page's main thread. Every request is counted for the benchmark.
 */
'use strict';

/**
 * @param {string} url      the database file (a content-hashed name)
 * @param {number} size     its length in bytes (from the first response)
 * @param {number} block    the database's block size
 * @param {number} ahead    blocks fetched past a missing one, at most
 * @param {object} stats    {requests, bytes, waitMs} counters to add to
 */
function RangeFile(url, size, block, ahead, stats) {
  this.url = url;
  this.size = size;
  this.block = block;
  this.ahead = ahead;
  this.stats = stats;
  this.blocks = new Map();  // block number -> Uint8Array
}

/** Keeps bytes already fetched (the first response), from `offset`. */
RangeFile.prototype.keep = function (offset, bytes) {
  for (var b = Math.ceil(offset / this.block); (b + 1) * this.block <= offset + bytes.length ||
       ((b + 1) * this.block > this.size && b * this.block < offset + bytes.length); ++b) {
    var start = b * this.block - offset;
    this.blocks.set(b, bytes.subarray(start, Math.min(start + this.block, bytes.length)));
  }
};

/** Fetches blocks [first, last] in one request. Throws on failure. */
RangeFile.prototype.fetch = function (first, last) {
  var begin = first * this.block;
  var end = Math.min((last + 1) * this.block, this.size) - 1;
  var started = performance.now();
  var xhr = new XMLHttpRequest();
  xhr.open('GET', this.url, false);
  xhr.responseType = 'arraybuffer';
  xhr.setRequestHeader('Range', 'bytes=' + begin + '-' + end);
  xhr.send(null);
  if (xhr.status !== 206 || !xhr.response || xhr.response.byteLength !== end - begin + 1) {
    throw new Error('range request failed: ' + this.url + ' (' + xhr.status + ')');
  }
  this.stats.requests += 1;
  this.stats.bytes += xhr.response.byteLength;
  this.stats.waitMs += performance.now() - started;
  this.keep(begin, new Uint8Array(xhr.response));
};

/** Makes sure the blocks covering [position, position + length) are here. */
RangeFile.prototype.load = function (position, length) {
  var first = Math.floor(position / this.block);
  var last = Math.floor((position + length - 1) / this.block);
  var lastBlock = Math.floor((this.size - 1) / this.block);
  for (var b = first; b <= last; ++b) {
    if (this.blocks.has(b)) continue;
    // One request for the missing run, and a few blocks past it: a
    // posting list or a value stream goes on in the next blocks.
    var end = b;
    while (end < last && !this.blocks.has(end + 1)) ++end;
    var limit = Math.min(lastBlock, end + this.ahead);
    while (end < limit && !this.blocks.has(end + 1)) ++end;
    this.fetch(b, end);
    b = end;
  }
};

/** Copies bytes into `buffer` at `offset`; returns how many. */
RangeFile.prototype.read = function (buffer, offset, length, position) {
  if (position >= this.size) return 0;
  length = Math.min(length, this.size - position);
  try {
    this.load(position, length);
  } catch (e) {
    // The engine sees an I/O error (EIO), which it reports as a failed
    // search, instead of a JavaScript exception crossing its frames.
    if (this.FS) throw new this.FS.ErrnoError(29);
    throw e;
  }
  // The engine's heap is an Int8Array: copy into a byte view of it.
  var out = new Uint8Array(buffer.buffer, buffer.byteOffset + offset, length);
  var done = 0;
  while (done < length) {
    var p = position + done;
    var b = Math.floor(p / this.block);
    var data = this.blocks.get(b);
    var from = p - b * this.block;
    var n = Math.min(data.length - from, length - done);
    out.set(data.subarray(from, from + n), done);
    done += n;
  }
  return length;
};

/** Puts the file into an emscripten file system as `parent/name`. */
RangeFile.prototype.mount = function (FS, parent, name) {
  var file = this;
  this.FS = FS;
  var node = FS.createFile(parent, name, {}, true, false);
  // Whatever is not read through stream_ops.read sees an object with a
  // length: the size that stat reports.
  node.contents = { length: file.size };
  Object.defineProperty(node, 'usedBytes', { get: function () { return file.size; } });
  var ops = {};
  Object.keys(node.stream_ops).forEach(function (key) { ops[key] = node.stream_ops[key]; });
  ops.read = function (stream, buffer, offset, length, position) {
    return file.read(buffer, offset, length, position);
  };
  node.stream_ops = ops;
  return node;
};

if (typeof module !== 'undefined') module.exports = RangeFile;
