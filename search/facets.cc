#include "search/facets.h"

#include <cstdio>

#include <nlohmann/json.hpp>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "search/schema.h"

namespace kbgen::search {
namespace {

// Glass refuses terms over 245 bytes.
constexpr std::size_t kMaxTermLength = 240;

std::uint64_t Fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

std::string NormalizeFacetValue(std::string_view value) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string folded;
  if (U_SUCCESS(status)) {
    icu::UnicodeString u = nfkc_cf->normalize(
        icu::UnicodeString::fromUTF8(icu::StringPiece(value.data(), static_cast<int32_t>(value.size()))),
        status);
    if (U_SUCCESS(status)) u.toUTF8String(folded);
  }
  if (U_FAILURE(status)) folded.assign(value);
  // NFKC turned no-break and other spaces into ' '.
  std::string out;
  for (char c : folded) {
    if (IsAsciiSpace(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string BoundedTerm(std::string_view prefix, std::string_view value) {
  if (prefix.size() + value.size() <= kMaxTermLength) return std::string(prefix) + std::string(value);
  std::size_t keep = 200;
  while (keep > 0 && (static_cast<unsigned char>(value[keep]) & 0xC0) == 0x80) --keep;
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(Fnv1a(value)));
  return std::string(prefix) + std::string(value.substr(0, keep)) + "#" + hash;
}

std::string FacetTerm(int facet, std::string_view value) {
  return BoundedTerm(kFacets[facet].prefix, NormalizeFacetValue(value));
}

std::uint32_t FacetTable::Add(int facet, std::string_view value) {
  auto [it, inserted] = ids_.try_emplace({facet, NormalizeFacetValue(value)},
                                         static_cast<std::uint32_t>(values_.size()));
  if (inserted) values_.push_back({facet, std::string(value)});
  return it->second;
}

std::string FacetTable::Serialize() const {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& v : values_) j.push_back({kFacets[v.facet].name, v.value});
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool FacetTable::Parse(std::string_view data, FacetTable* table) {
  *table = FacetTable();
  auto j = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) return false;
  for (const auto& item : j) {
    if (!item.is_array() || item.size() != 2 || !item[0].is_string() || !item[1].is_string()) {
      return false;
    }
    int facet = FindFacet(item[0].get<std::string>());
    if (facet < 0) return false;
    // Numbers follow the order of the table, as when it was built.
    table->values_.push_back({facet, item[1].get<std::string>()});
  }
  return true;
}

std::string EncodeFacetIds(const std::vector<std::uint32_t>& ids) {
  std::string out;
  for (std::uint32_t v : ids) {
    while (v >= 0x80) {
      out.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out.push_back(static_cast<char>(v));
  }
  return out;
}

bool FacetIndex::Load(const Xapian::Database& db, FacetIndex* index) {
  *index = FacetIndex();
  if (!FacetTable::Parse(db.get_metadata(std::string(kMetaFacets)), &index->table_)) return false;
  const std::size_t values = index->table_.values().size();
  index->offsets_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 2, 0);
  Xapian::docid filled = 0;  // offsets_ is set up to this document
  for (auto it = db.valuestream_begin(kSlotFacets); it != db.valuestream_end(kSlotFacets); ++it) {
    Xapian::docid did = it.get_docid();
    if (did >= index->offsets_.size() - 1) return false;
    while (filled < did) index->offsets_[++filled] = static_cast<std::uint32_t>(index->ids_.size());
    const std::string data = *it;
    std::uint32_t v = 0;
    int shift = 0;
    for (char ch : data) {
      auto byte = static_cast<unsigned char>(ch);
      v |= static_cast<std::uint32_t>(byte & 0x7f) << shift;
      if (byte & 0x80) {
        if ((shift += 7) > 28) return false;
        continue;
      }
      if (v >= values) return false;
      index->ids_.push_back(v);
      v = 0;
      shift = 0;
    }
    if (shift != 0) return false;
  }
  while (filled + 1 < index->offsets_.size()) {
    index->offsets_[++filled] = static_cast<std::uint32_t>(index->ids_.size());
  }
  return true;
}

FacetCounts EmptyFacetCounts() {
  FacetCounts out;
  for (const auto& f : kFacets) out[std::string(f.name)];
  return out;
}

FacetSpy::FacetSpy(const FacetIndex* index)
    : index_(index), counts_(index->table_.values().size(), 0) {}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  index_->Count(doc.get_docid(), &counts_);
}

void FacetSpy::AddTo(FacetCounts* counts) const { index_->AddTo(counts_, counts); }

void FacetIndex::AddTo(const std::vector<std::uint64_t>& counts, FacetCounts* out) const {
  const auto& values = table_.values();
  for (std::size_t id = 0; id < counts.size() && id < values.size(); ++id) {
    if (counts[id] == 0) continue;
    (*out)[std::string(kFacets[values[id].facet].name)][values[id].value] += counts[id];
  }
}

}  // namespace kbgen::search
