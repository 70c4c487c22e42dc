// Database files as a build leaves them: glass databases made
// byte-for-byte reproducible, and each language's database compacted into
// one file for readers that fetch it over HTTP a block range at a time
// (the in-browser engine, search/wasm/), with the "head" of that file.
//
// The head (<generation>.head, schema.h) holds the blocks every search
// walks through first: the inner blocks of the B-trees, upper levels
// first, as many as fit in kSingleFileHeadBytes. The engine fetches it in one request
// beside the engine itself, so that a query then reads little more than
// the leaf blocks of its own terms. Its format: records of a block number
// (4 bytes, little-endian) followed by that block, in block order.
#ifndef KBGEN_SEARCH_SINGLE_FILE_INDEX_H_
#define KBGEN_SEARCH_SINGLE_FILE_INDEX_H_

#include <filesystem>
#include <string>

namespace kbgen::search {

// Replaces the random UUID Xapian writes into a new database with one
// derived from its file name (a hash of the contents: schema.h), so that
// the same pages give the same bytes. `version` is the version file of a
// database folder ("iamglass"), or a single-file database, which starts
// with the same header. "" on success, else the reason.
std::string StampStableUuid(const std::filesystem::path& version);

// Compacts the database of `db_dir` into the single file `glass` with
// blocks of kSingleFileBlockSize and writes its head to `head`. "" on
// success, else the reason (and neither file is left).
std::string WriteSingleFileIndex(const std::filesystem::path& db_dir,
                                 const std::filesystem::path& glass,
                                 const std::filesystem::path& head);

}  // namespace kbgen::search

#endif  // KBGEN_SEARCH_SINGLE_FILE_INDEX_H_
