#include "search/index_builder.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <set>
#include <string_view>
#include <system_error>
#include <thread>

#include <xapian.h>

#include "search/analyzer.h"
#include "search/document_maker.h"
#include "search/facets.h"
#include "search/schema.h"
#include "search/single_file_index.h"
#include "search/synonyms.h"

namespace kbgen::search {
namespace {

// FNV-1a, fed field by field with lengths so that no two inputs collide by
// concatenation.
class Hasher {
 public:
  void Add(std::string_view s) {
    AddBytes(std::to_string(s.size()));
    AddBytes(":");
    AddBytes(s);
  }
  std::string Hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
    return buf;
  }

 private:
  void AddBytes(std::string_view s) {
    for (unsigned char c : s) {
      h_ ^= c;
      h_ *= 1099511628211ull;
    }
  }
  std::uint64_t h_ = 14695981039346656037ull;
};

// Names the database folder after everything that goes into it.
std::string GenerationName(const std::string& lang, const std::vector<const PageRecord*>& records,
                           const SynonymConfig& synonyms) {
  Hasher h;
  h.Add(kSchemaVersion);
  h.Add(lang);
  for (const PageRecord* r : records) {
    for (const std::string* s : {&r->url, &r->lang, &r->title, &r->section, &r->section_title,
                                 &r->summary, &r->date, &r->body}) {
      h.Add(*s);
    }
    for (const auto* list :
         {&r->tags, &r->region, &r->country, &r->types, &r->headings, &r->term_names}) {
      h.Add(std::to_string(list->size()));
      for (const auto& s : *list) h.Add(s);
    }
  }
  for (const auto& [term, list] : synonyms) {
    h.Add(term);
    h.Add(std::to_string(list.size()));
    for (const auto& s : list) h.Add(s);
  }
  return std::string("g").append(h.Hex());
}

std::string ReadSmallFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text(256, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

// Builds one language's database and points its stub at it; "" on success.
std::string BuildLanguage(const std::string& lang, const std::vector<const PageRecord*>& records,
                          const SynonymConfig& synonyms, const IndexOptions& options,
                          const std::filesystem::path& site_dir) {
  namespace fs = std::filesystem;
  const fs::path dir = site_dir / kIndexFolder / lang;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return dir.string() + ": cannot create folder: " + ec.message();
  const std::string generation = GenerationName(lang, records, synonyms);
  const fs::path db_dir = dir / generation;
  const fs::path stub = dir / kStubFile;
  const std::string stub_text = "auto " + generation + "\n";
  // Built before and published: the same pages give the same database,
  // and a published generation is never written again (readers may have
  // it open).
  const fs::path single_file = dir / (generation + std::string(kSingleFileSuffix));
  const fs::path head = dir / (generation + std::string(kSingleFileHeadSuffix));
  if (ReadSmallFile(stub) == stub_text && fs::is_directory(db_dir, ec) &&
      (!options.single_file ||
       (fs::is_regular_file(single_file, ec) && fs::is_regular_file(head, ec)))) {
    return "";
  }
  fs::remove_all(db_dir, ec);
  if (ec) return db_dir.string() + ": cannot remove: " + ec.message();

  std::string error;
  auto builder = LanguageIndexBuilder::Create(lang, db_dir, synonyms, &error);
  if (!builder) return error;
  for (const PageRecord* r : records) {
    if (!builder->Add(*r, &error)) return error;
  }
  if (!builder->Finish(&error)) return error;
  if (std::string e = StampStableUuid(db_dir / "iamglass"); !e.empty()) return e;
  // Read back what was written: a write error that a layer below let pass
  // (a full disk) must fail the build here, not the first search.
  try {
    Xapian::Database check(db_dir.string(), Xapian::DB_BACKEND_GLASS);
    std::set<std::string> urls;  // one document per id term (replace_document)
    for (const PageRecord* r : records) urls.insert(BoundedTerm(kPrefixId, r->url));
    if (check.get_doccount() != urls.size()) {
      return db_dir.string() + ": the search index was not written whole (" +
             std::to_string(check.get_doccount()) + " of " + std::to_string(urls.size()) +
             " pages)";
    }
  } catch (const Xapian::Error& e) {
    return db_dir.string() + ": the search index cannot be read back: " + e.get_msg();
  }
  if (options.single_file) {
    if (std::string e = WriteSingleFileIndex(db_dir, single_file, head); !e.empty()) return e;
  }

  // The stub is replaced by a rename, so a reader sees the old or the new
  // one, never a partial file.
  const fs::path tmp = dir / (std::string(kStubFile) + ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << stub_text;
    if (!out.flush()) return tmp.string() + ": cannot write";
  }
  fs::rename(tmp, stub, ec);
  if (ec) return stub.string() + ": cannot write: " + ec.message();
  return "";
}

}  // namespace

struct LanguageIndexBuilder::State {
  std::string lang;
  std::filesystem::path db_dir;
  std::unique_ptr<Analyzer> analyzer;
  SynonymSet synonyms;
  FacetTable facets;
  std::unique_ptr<DocumentMaker> maker;
  Xapian::WritableDatabase db;
};

LanguageIndexBuilder::LanguageIndexBuilder(std::unique_ptr<State> state) : state_(std::move(state)) {}
LanguageIndexBuilder::~LanguageIndexBuilder() = default;

std::unique_ptr<LanguageIndexBuilder> LanguageIndexBuilder::Create(
    const std::string& lang, const std::filesystem::path& db_dir, const SynonymConfig& synonyms,
    std::string* error) {
  auto state = std::make_unique<State>();
  state->lang = lang;
  state->db_dir = db_dir;
  state->analyzer = Analyzer::Create(lang, error);
  if (!state->analyzer) return nullptr;
  try {
    // The site writer decides about durability; the index is written once.
    state->db = Xapian::WritableDatabase(
        db_dir.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
  } catch (const Xapian::Error& e) {
    *error = db_dir.string() + ": cannot create the search index: " + e.get_msg();
    return nullptr;
  }
  state->synonyms = SynonymSet(synonyms, state->analyzer.get());
  state->maker = std::make_unique<DocumentMaker>(state->analyzer.get(), &state->synonyms, &state->facets);
  return std::unique_ptr<LanguageIndexBuilder>(new LanguageIndexBuilder(std::move(state)));
}

bool LanguageIndexBuilder::Add(const PageRecord& record, std::string* error) {
  try {
    Xapian::Document doc = state_->maker->Make(record);
    state_->db.replace_document(BoundedTerm(kPrefixId, record.url), doc);
    return true;
  } catch (const Xapian::Error& e) {
    *error = state_->db_dir.string() + ": cannot index " + record.url + ": " + e.get_msg();
    return false;
  }
}

bool LanguageIndexBuilder::Finish(std::string* error) {
  try {
    if (FindLanguage(state_->lang)->spelling) {
      std::vector<std::pair<std::string, Xapian::termcount>> words(state_->maker->words().begin(),
                                                                   state_->maker->words().end());
      std::sort(words.begin(), words.end());
      for (const auto& [word, freq] : words) state_->db.add_spelling(word, freq);
    }
    for (const auto& [stem, words] : state_->maker->stem_words()) {
      std::vector<std::string> sorted = words;
      std::sort(sorted.begin(), sorted.end());
      std::string value;
      for (const auto& w : sorted) value.append(value.empty() ? "" : " ").append(w);
      state_->db.set_metadata(StemTableKey(stem), value);
    }
    for (const auto& [word, forms] : state_->maker->display_forms()) {
      // The most frequent form; the first in byte order among equals.
      auto best = forms.begin();
      for (auto it = forms.begin(); it != forms.end(); ++it) {
        if (it->second > best->second) best = it;
      }
      state_->db.set_metadata(DisplayFormKey(word), best->first);
    }
    for (const auto& [key, value] : state_->synonyms.parser_entries()) {
      state_->db.add_synonym(key, value);
    }
    state_->db.set_metadata(std::string(kMetaSchema), std::string(kSchemaVersion));
    state_->db.set_metadata(std::string(kMetaLang), state_->lang);
    state_->db.set_metadata(std::string(kMetaFacets), state_->facets.Serialize());
    state_->db.commit();
    state_->db.close();
    return true;
  } catch (const Xapian::Error& e) {
    *error = state_->db_dir.string() + ": cannot write the search index: " + e.get_msg();
    return false;
  }
}

namespace {

// The records of each language of kLanguageSpecs, ordered by URL so that
// the same pages give the same index; false for an unknown language.
bool GroupByLanguage(const std::vector<PageRecord>& records,
                     std::vector<std::vector<const PageRecord*>>* by_lang, std::string* error) {
  by_lang->assign(kLanguageSpecs.size(), {});
  for (const auto& r : records) {
    std::size_t i = 0;
    while (i < kLanguageSpecs.size() && kLanguageSpecs[i].lang != r.lang) ++i;
    if (i == kLanguageSpecs.size()) {
      *error = "page " + r.url + ": unknown language '" + r.lang + "'";
      return false;
    }
    (*by_lang)[i].push_back(&r);
  }
  for (auto& list : *by_lang) {
    std::stable_sort(list.begin(), list.end(),
                     [](const PageRecord* a, const PageRecord* b) { return a->url < b->url; });
  }
  return true;
}

const SynonymConfig& SynonymsOf(const IndexOptions& options, const std::string& lang) {
  static const SynonymConfig kNone;
  auto it = options.synonyms.find(lang);
  return it == options.synonyms.end() ? kNone : it->second;
}

}  // namespace

std::map<std::string, std::string> GenerationNames(const std::vector<PageRecord>& records,
                                                   const IndexOptions& options) {
  std::vector<std::vector<const PageRecord*>> by_lang;
  std::string unused;
  std::map<std::string, std::string> names;
  if (!GroupByLanguage(records, &by_lang, &unused)) return names;
  for (std::size_t i = 0; i < kLanguageSpecs.size(); ++i) {
    const std::string lang(kLanguageSpecs[i].lang);
    names[lang] = GenerationName(lang, by_lang[i], SynonymsOf(options, lang));
  }
  return names;
}

bool BuildIndexes(const std::vector<PageRecord>& records, const std::filesystem::path& site_dir,
                  const IndexOptions& options, std::string* error) {
  std::vector<std::vector<const PageRecord*>> by_lang;
  if (!GroupByLanguage(records, &by_lang, error)) return false;
  for (const auto& [lang, unused] : options.synonyms) {
    if (FindLanguage(lang) == nullptr) {
      *error = "synonyms: unknown language '" + lang + "'";
      return false;
    }
  }

  std::vector<std::string> errors(kLanguageSpecs.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next++) < kLanguageSpecs.size();) {
      const std::string lang(kLanguageSpecs[i].lang);
      try {
        errors[i] = BuildLanguage(lang, by_lang[i], SynonymsOf(options, lang), options, site_dir);
      } catch (const Xapian::Error& e) {  // not a std::exception
        errors[i] = "search index (" + lang + "): " + e.get_description();
      } catch (const std::exception& e) {  // a thread must not end in an exception
        errors[i] = "search index (" + lang + "): " + e.what();
      } catch (...) {
        errors[i] = "search index (" + lang + "): unexpected failure";
      }
    }
  };
  std::size_t threads = options.threads > 0 ? static_cast<std::size_t>(options.threads)
                                            : kLanguageSpecs.size();
  threads = std::min(threads, kLanguageSpecs.size());
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  for (const auto& e : errors) {
    if (!e.empty()) {
      *error = e;
      return false;
    }
  }
  return true;
}

}  // namespace kbgen::search
