// Catalogs: every catalog compiled once at load, checked against English.
#include "generator/i18n.h"

#include <unicode/locid.h>
#include <unicode/plurrule.h>
#include <unicode/strenum.h>

#include <cstdint>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include "generator/catalog_file.h"
#include "generator/locale.h"
#include "generator/message.h"
#include "generator/page.h"

namespace kbgen {
namespace {

struct Entry {
  std::unique_ptr<Message> message;
  int line = 0;
};

struct Catalog {
  std::string file;  // "i18n/fr.yml"
  std::map<std::string, Entry, std::less<>> messages;
  std::map<std::string, std::string, std::less<>> terms;
};

// The plural keywords of a locale ("one", "few", "other"...), and one
// sample number per keyword for messages.
struct PluralKeywords {
  std::set<std::string> keywords;
  std::map<std::string, std::string> sample;
};

PluralKeywords KeywordsOf(const icu::Locale& locale, UPluralType type) {
  PluralKeywords out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(locale, type, status));
  if (U_FAILURE(status) || !rules) return out;
  std::unique_ptr<icu::StringEnumeration> names(rules->getKeywords(status));
  const icu::UnicodeString* name;
  while (U_SUCCESS(status) && names && (name = names->snext(status)) != nullptr) {
    std::string keyword;
    name->toUTF8String(keyword);
    out.keywords.insert(keyword);
    double samples[1];
    UErrorCode sample_status = U_ZERO_ERROR;
    if (rules->getSamples(*name, samples, 1, sample_status) == 1 && U_SUCCESS(sample_status)) {
      std::ostringstream s;
      if (samples[0] == static_cast<double>(static_cast<std::int64_t>(samples[0]))) {
        s << static_cast<std::int64_t>(samples[0]);
      } else {
        s << samples[0];
      }
      out.sample[keyword] = s.str();
    }
  }
  return out;
}

std::string Join(const std::set<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

class CatalogsImpl : public Catalogs {
 public:
  std::string Format(std::string_view lang, std::string_view key,
                     const MessageArgs& args) const override {
    if (const Entry* e = Find(lang, key)) return e->message->Format(args);
    if (const Entry* e = Find(kSourceLanguage, key)) return e->message->Format(args);
    return std::string(key);
  }

  bool Has(std::string_view key) const override { return Find(kSourceLanguage, key) != nullptr; }

  std::vector<std::string> Keys() const override {
    std::vector<std::string> keys;
    auto it = catalogs_.find(kSourceLanguage);
    if (it == catalogs_.end()) return keys;
    for (const auto& [key, entry] : it->second.messages) keys.push_back(key);
    return keys;
  }

  std::string Term(std::string_view lang, std::string_view term) const override {
    if (const std::string* name = FindTerm(lang, term)) return *name;
    if (const std::string* name = FindTerm(kSourceLanguage, term)) return *name;
    return std::string(term);
  }

  bool HasTerm(std::string_view lang, std::string_view term) const override {
    return FindTerm(lang, term) != nullptr;
  }

  std::string FileOf(std::string_view lang) const override {
    auto it = catalogs_.find(lang);
    return it == catalogs_.end() ? std::string() : it->second.file;
  }

  // Builds every language's catalog; false when an error was reported.
  bool Build(const std::map<std::string, std::string>& texts, const std::string& dir,
             const std::map<std::string, std::string>& numbering, Diagnostics* diag);

 private:
  const Entry* Find(std::string_view lang, std::string_view key) const {
    auto c = catalogs_.find(lang);
    if (c == catalogs_.end()) return nullptr;
    auto e = c->second.messages.find(key);
    return e == c->second.messages.end() ? nullptr : &e->second;
  }

  const std::string* FindTerm(std::string_view lang, std::string_view term) const {
    auto c = catalogs_.find(lang);
    if (c == catalogs_.end()) return nullptr;
    auto t = c->second.terms.find(term);
    return t == c->second.terms.end() ? nullptr : &t->second;
  }

  // Compiles the parsed file of one language into `catalog`.
  bool Compile(const CatalogFile& parsed, const icu::Locale& locale, Catalog* catalog,
               Diagnostics* diag);
  void CheckPlurals(const Catalog& catalog, const icu::Locale& locale, Diagnostics* diag) const;
  void CheckAgainstEnglish(const Catalog& catalog, Diagnostics* diag) const;

  std::map<std::string, Catalog, std::less<>> catalogs_;
};

bool CatalogsImpl::Compile(const CatalogFile& parsed, const icu::Locale& locale, Catalog* catalog,
                           Diagnostics* diag) {
  bool ok = true;
  for (const auto& [key, text] : parsed.messages) {
    std::string error;
    auto message = Message::Compile(text.text, locale, &error);
    if (!message) {
      diag->Error(catalog->file, text.line, "malformed message '" + key + "': " + error);
      ok = false;
      continue;
    }
    catalog->messages.emplace(key, Entry{std::move(message), text.line});
  }
  for (const auto& [term, name] : parsed.terms) catalog->terms.emplace(term, name.text);
  return ok;
}

// Every plural argument spells out exactly the forms CLDR gives the
// language: a missing form silently becomes 'other', which is how
// "2 результатов" slips into a Russian page.
void CatalogsImpl::CheckPlurals(const Catalog& catalog, const icu::Locale& locale,
                                Diagnostics* diag) const {
  PluralKeywords cardinal = KeywordsOf(locale, UPLURAL_TYPE_CARDINAL);
  PluralKeywords ordinal = KeywordsOf(locale, UPLURAL_TYPE_ORDINAL);
  for (const auto& [key, entry] : catalog.messages) {
    for (const PluralUse& use : entry.message->plurals()) {
      const PluralKeywords& rules = use.ordinal ? ordinal : cardinal;
      if (rules.keywords.empty()) continue;
      for (const std::string& k : rules.keywords) {
        if (use.keywords.contains(k)) continue;
        auto sample = rules.sample.find(k);
        diag->Warning(catalog.file, entry.line,
                      "message '" + key + "': {" + use.arg + "} has no '" + k +
                          "' case, which this language needs" +
                          (sample != rules.sample.end() ? " (for " + sample->second + ", ...)"
                                                        : std::string()) +
                          "; forms of this language: " + Join(rules.keywords));
      }
      for (const std::string& k : use.keywords) {
        if (rules.keywords.contains(k)) continue;
        diag->Warning(catalog.file, entry.line,
                      "message '" + key + "': {" + use.arg + "} has a '" + k +
                          "' case, which this language never uses; forms of this language: " +
                          Join(rules.keywords));
      }
    }
  }
}

void CatalogsImpl::CheckAgainstEnglish(const Catalog& catalog, Diagnostics* diag) const {
  const Catalog& en = catalogs_.find(kSourceLanguage)->second;
  for (const auto& [key, entry] : en.messages) {
    if (!catalog.messages.contains(key)) {
      diag->Warning(catalog.file, 0, "missing key '" + key + "'; using English");
    }
  }
  for (const auto& [key, entry] : catalog.messages) {
    auto english = en.messages.find(key);
    if (english == en.messages.end()) {
      diag->Warning(catalog.file, entry.line,
                    "key '" + key + "' is not in " + en.file + ", so it is never shown");
      continue;
    }
    for (const std::string& arg : entry.message->arg_names()) {
      if (english->second.message->arg_names().contains(arg)) continue;
      diag->Warning(catalog.file, entry.line,
                    "message '" + key + "' uses {" + arg +
                        "}, which the English message does not; check its name");
    }
  }
  for (const auto& [term, name] : en.terms) {
    if (!catalog.terms.contains(term)) {
      diag->Warning(catalog.file, 0, "missing term '" + term + "' under 'terms:'; using English");
    }
  }
  for (const auto& [term, name] : catalog.terms) {
    if (!en.terms.contains(term)) {
      diag->Warning(catalog.file, 0,
                    "term '" + term + "' is not under 'terms:' in " + en.file +
                        "; taxonomy values are the English names");
    }
  }
}

bool CatalogsImpl::Build(const std::map<std::string, std::string>& texts, const std::string& dir,
                         const std::map<std::string, std::string>& numbering, Diagnostics* diag) {
  bool ok = true;
  std::set<std::string> present;
  std::map<std::string, icu::Locale> locales;
  for (std::string_view lang_view : kLanguages) {
    std::string lang(lang_view);
    Catalog catalog;
    catalog.file = (std::filesystem::path(dir) / (lang + ".yml")).string();
    auto digits = numbering.find(lang);
    icu::Locale locale(IcuLocaleId(lang, digits == numbering.end() ? "" : digits->second).c_str());
    locales.emplace(lang, locale);
    auto text = texts.find(lang);
    if (text == texts.end()) {
      if (lang == kSourceLanguage) {
        diag->Error(catalog.file, 0,
                    "the English catalog is missing; every language falls back to it");
        ok = false;
      } else {
        diag->Warning(catalog.file, 0, "catalog not found; every string falls back to English");
      }
      catalogs_.emplace(lang, std::move(catalog));
      continue;
    }
    std::optional<CatalogFile> parsed = ParseCatalog(text->second, catalog.file, diag);
    if (!parsed || !Compile(*parsed, locale, &catalog, diag)) ok = false;
    present.insert(lang);
    catalogs_.emplace(lang, std::move(catalog));
  }
  if (!ok) return false;
  for (const auto& lang : present) {
    const Catalog& catalog = catalogs_.find(lang)->second;
    CheckPlurals(catalog, locales.at(lang), diag);
    if (lang != kSourceLanguage) CheckAgainstEnglish(catalog, diag);
  }
  return true;
}

}  // namespace

std::unique_ptr<Catalogs> Catalogs::FromTexts(const std::map<std::string, std::string>& texts,
                                              const std::string& dir, Diagnostics* diag,
                                              const std::map<std::string, std::string>& numbering) {
  auto catalogs = std::make_unique<CatalogsImpl>();
  if (!catalogs->Build(texts, dir, numbering, diag)) return nullptr;
  return catalogs;
}

std::unique_ptr<Catalogs> Catalogs::Load(const std::filesystem::path& dir, Diagnostics* diag,
                                         const std::map<std::string, std::string>& numbering) {
  std::map<std::string, std::string> texts;
  bool ok = true;
  for (std::string_view lang_view : kLanguages) {
    std::string lang(lang_view);
    std::filesystem::path file = dir / (lang + ".yml");
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) continue;  // reported by FromTexts
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    if (!std::filesystem::is_regular_file(file, ec) || !in || !(text << in.rdbuf()) || in.bad()) {
      // An empty file gives a failed `<<` too: it is an empty catalog.
      if (std::filesystem::is_regular_file(file, ec) && std::filesystem::file_size(file, ec) == 0) {
        texts.emplace(lang, "");
        continue;
      }
      diag->Error(file.string(), 0, "cannot read the catalog");
      ok = false;
      continue;
    }
    texts.emplace(lang, text.str());
  }
  auto catalogs = FromTexts(texts, dir.string(), diag, numbering);
  return ok ? std::move(catalogs) : nullptr;
}

}  // namespace kbgen
