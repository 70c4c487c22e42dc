#include "search/single_file_index.h"

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <map>
#include <string_view>
#include <vector>

#include "search/schema.h"

namespace kbgen::search {
namespace {

namespace fs = std::filesystem;

// A glass B-tree block starts with its revision (4 bytes), then its level
// in the tree: 0 for a leaf. Block 0 of a single file is the version
// header, which every opening reads.
constexpr std::size_t kLevelOffset = 4;

std::string WriteHead(const fs::path& glass, const fs::path& head) {
  std::ifstream in(glass, std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return glass.string() + ": cannot read";
  const std::size_t block = kSingleFileBlockSize;
  const std::size_t blocks = data.size() / block;
  // Upper levels first: a block of an upper level is on the way to more
  // leaves than one below it. The last level that fits in part is taken
  // in file order.
  std::map<int, std::vector<std::uint32_t>, std::greater<int>> by_level;
  for (std::size_t b = 1; b < blocks; ++b) {
    int level = static_cast<unsigned char>(data[b * block + kLevelOffset]);
    if (level > 0) by_level[level].push_back(static_cast<std::uint32_t>(b));
  }
  std::vector<std::uint32_t> chosen = {0};
  const std::size_t most = kSingleFileHeadBytes / (block + 4);
  for (const auto& [level, list] : by_level) {
    for (std::uint32_t b : list) {
      if (chosen.size() == most) break;
      chosen.push_back(b);
    }
  }
  std::sort(chosen.begin(), chosen.end());
  std::ofstream out(head, std::ios::binary | std::ios::trunc);
  for (std::uint32_t b : chosen) {
    if (b >= blocks) continue;
    char number[4];
    for (int i = 0; i < 4; ++i) number[i] = static_cast<char>((b >> (8 * i)) & 0xff);
    out.write(number, 4);
    out.write(data.data() + b * block, static_cast<std::streamsize>(block));
  }
  if (!out.flush()) return head.string() + ": cannot write";
  return "";
}

}  // namespace

std::string StampStableUuid(const std::filesystem::path& version) {
  std::string uuid;
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a, twice with two seeds
  for (int round = 0; round < 2; ++round) {
    const std::string name = version.filename() == "iamglass"
                                 ? version.parent_path().filename().string()
                                 : version.stem().string();
    for (char c : name + char('0' + round)) {
      h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    }
    for (int i = 0; i < 8; ++i) uuid += static_cast<char>((h >> (8 * i)) & 0xff);
  }
  std::fstream f(version, std::ios::in | std::ios::out | std::ios::binary);
  char magic[14];
  if (!f.read(magic, sizeof magic) || std::string_view(magic, 14) != "\x0f\x0dXapian Glass") {
    return version.string() + ": not a glass version file";
  }
  f.seekp(16);
  if (!f.write(uuid.data(), 16) || !f.flush()) return version.string() + ": cannot write";
  return "";
}

std::string WriteSingleFileIndex(const fs::path& db_dir, const fs::path& glass,
                                 const fs::path& head) {
  std::error_code ec;
  fs::remove(glass, ec);
  fs::remove(head, ec);
  std::string error;
  try {
    // Xapian 1.4.22 crashes compacting FULLER into a single file with
    // 2 KB blocks; the standard level is used.
    Xapian::Database(db_dir.string())
        .compact(glass.string(), Xapian::DBCOMPACT_SINGLE_FILE | Xapian::DBCOMPACT_NO_RENUMBER,
                 static_cast<int>(kSingleFileBlockSize));
    error = StampStableUuid(glass);
    if (error.empty()) error = WriteHead(glass, head);
  } catch (const Xapian::Error& e) {
    error = glass.string() + ": cannot write the single-file search index: " + e.get_msg();
  }
  if (!error.empty()) {
    fs::remove(glass, ec);
    fs::remove(head, ec);
  }
  return error;
}

}  // namespace kbgen::search
