// The view model: site model objects -> mustache data for the theme.
//
// This is the only place where template variable names are made; the
// theme's templates and this file are the two sides of one contract.
// Every value reaches templates as plain text for {{name}} (escaped by the
// template engine), except values named *_html, which this module built as
// HTML itself (escaping every piece of user text) or which the Markdown
// step already made safe (Page::html).
//
// Every reader-visible word comes from the catalogs (`t.<key>` for plain
// strings, precomputed *_text / *_html values for messages with arguments);
// dates and numbers go through LocaleFormat. Links are the site's
// root-relative URLs prefixed with the path of config.base_url; canonical
// links, hreflang alternates, the sitemap and feeds use the full base_url.
//
// Variables every HTML page sees (from Common(lang)):
//   lang dir base site_title site_description home_url search_url feed_url
//   feed_title chooser_url t.<catalog key> taxonomy_links[] {title url}
//   has_taxonomy_links
//   and from MenuLayer(): menu[] {title url is_current has_link_lang link_lang
//   link_dir} has_menu
// Per page kind (ForPage, ForSection, ...): title head_title description
//   canonical alternates[] {hreflang url} x_default_url
//   switcher[] {lang name url is_current} has_switcher
//   breadcrumbs[] {title url}   and the kind's own object (page, section,
//   taxonomy, term, redirect, search, ...), documented in view_model.cc.
//
// Thread-safe after construction: the build renders from several threads.
#ifndef KBGEN_GENERATOR_VIEW_MODEL_H_
#define KBGEN_GENERATOR_VIEW_MODEL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>

#include "generator/diagnostics.h"
#include "generator/i18n.h"
#include "generator/locale.h"
#include "generator/site.h"

namespace kbgen {

using Data = kainjow::mustache::data;

// At most this many pages of a section are listed in a page's section
// navigation (a window around the page): the navigation of a 2000-page
// section must not make the build quadratic.
inline constexpr int kSectionNavWindow = 25;
// Entries of a language's Atom feed (newest first).
inline constexpr int kFeedEntries = 100;

class ViewModel {
 public:
  ViewModel(const Site& site, const Catalogs& catalogs, const Locales& locales);

  const Site& site() const { return site_; }

  // The data every HTML page of `lang` shares (built once per language).
  const Data& Common(std::string_view lang) const;

  // The main menu of `lang` with the entry holding `site_url` marked
  // current: {menu[] {title url is_current has_link_lang link_lang
  // link_dir} has_menu}. Precomputed; rendered between Common() and a
  // page's own data.
  const Data& MenuLayer(std::string_view lang, const std::string& site_url) const;

  Data ForPage(const Page& page, Diagnostics* diag) const;
  // Sections and the home page; errors in the index page's sources go to `diag`.
  Data ForSection(const Section& section, Diagnostics* diag = nullptr) const;
  Data ForTaxonomy(const Taxonomy& taxonomy) const;
  Data ForTerm(const Taxonomy& taxonomy, const TaxonomyTerm& term) const;
  Data ForSearch(const std::string& lang) const;
  // A redirect page from an old URL to `target`.
  Data ForAlias(const Page& target) const;
  // The language chooser at the site root and the 404 page: all languages
  // at once. Both use Common(config.default_language) as their base.
  Data ForLanguageChooser() const;
  Data ForNotFound() const;
  // XML files: their data stands alone (no Common()).
  Data ForSitemap() const;
  Data ForFeed(const std::string& lang) const;

  // The link for a site URL ("/en/x/" -> "<base path>en/x/").
  std::string Link(std::string_view site_url) const;
  // The absolute URL for a site URL ("<base_url>en/x/").
  std::string Absolute(std::string_view site_url) const;

  // The taxonomies of `lang` that have at least one term.
  std::vector<const Taxonomy*> NonEmptyTaxonomies(const std::string& lang) const;

 private:
  // Strings every page of a language needs, formatted once: a catalog
  // lookup per page and entry would dominate the build of a large site.
  struct LangText {
    std::string dir;          // "rtl" or "ltr"
    std::string native_name;  // the language's name in itself
    std::string home;         // nav.home
    std::string badge;        // fallback.badge
    std::map<std::string, std::string> taxonomy_titles;  // "tags" -> "Tags"
  };
  // Position of a page in its own language's section listing.
  struct Position {
    const Section* section = nullptr;
    std::size_t index = 0;
  };
  // A term a page is listed under, in the page's language.
  struct TermLink {
    const Taxonomy* taxonomy = nullptr;
    const TaxonomyTerm* term = nullptr;
  };

  // The sections of `lang` (empty when the site has none in it).
  const std::map<std::string, Section>& SectionsOf(const std::string& lang) const;
  const LangText& TextOf(std::string_view lang) const;
  // The long date of `date` in `lang` (precomputed for every page date).
  std::string LongDate(const std::string& lang, const Date& date) const;
  // taxonomy.<name> in `lang`.
  std::string TaxonomyTitle(const std::string& lang, const std::string& name) const;
  // Site URL of each existing translation of `page` (itself included), by language.
  std::map<std::string, std::string> TranslationUrls(const Page& page) const;
  // section.page_count of a section, precomputed.
  const std::string& CountText(const Section& section) const;
  std::string Text(std::string_view lang, std::string_view key,
                   const MessageArgs& args = {}) const;
  // Message `key` as HTML: the text escaped, argument `name` replaced by `html`.
  std::string TextHtml(std::string_view lang, std::string_view key, const std::string& name,
                       const std::string& html, const MessageArgs& args = {}) const;

  Data BuildCommon(const std::string& lang) const;
  struct MenuEntry {
    std::string title;
    std::string url;  // site URL
    std::string link_lang;
    bool is_page = false;  // else a section: current for every page below it
  };
  struct Menus {
    std::vector<MenuEntry> entries;
    std::vector<Data> layers;  // [0]: none current; [i + 1]: entries[i] current
  };
  std::vector<MenuEntry> MenuEntries(const std::string& lang) const;
  void BuildMenus(const std::string& lang);
  // Sets the head and navigation variables shared by every kind of HTML page.
  // `translations` are lang -> site URL of the same page in each language.
  void SetFrame(const std::string& lang, const std::string& title, const std::string& url,
                const std::map<std::string, std::string>& translations, Data* d) const;
  Data Breadcrumbs(const std::string& lang, const std::string& section_path,
                   bool include_section) const;
  // A link to a page in navigation: {title url is_current is_fallback}
  // and, for a fallback, {link_lang link_dir badge}.
  Data NavEntry(const std::string& lang, const PageRef& ref, bool is_current) const;
  // A page in a listing: a navigation entry and {has_summary has_date},
  // with {summary} and {date_iso date_text} when the page has them.
  Data Entry(const std::string& lang, const PageRef& ref) const;
  Data Entries(const std::string& lang, const std::vector<PageRef>& refs) const;
  Data DateData(const std::string& lang, const Date& date) const;
  Data Toc(const Page& page) const;
  Data Terms(const Page& page) const;
  Data SectionNav(const Page& page, const Position& pos) const;
  // The sources of `page` shown in `lang` (view_model_sources.cc); unknown
  // ids are errors in `diag` (none reported when it is null).
  Data Sources(const Page& page, const std::string& lang, Diagnostics* diag) const;
  Data SubsectionList(const Section& section) const;
  // The pages of a term, grouped by section (view_model_lists.cc).
  Data TermGroups(const std::string& lang, const std::vector<PageRef>& refs) const;
  Data SearchStrings(const std::string& lang) const;
  std::string PluralFormsJson(const std::string& lang, std::string_view key,
                              std::string_view arg) const;

  const Site& site_;
  const Catalogs& catalogs_;
  const Locales& locales_;
  std::string base_path_;  // "/" or "/kb/"
  std::map<std::string, Data, std::less<>> common_;
  std::map<std::string, Menus, std::less<>> menus_;
  std::map<std::string, LangText, std::less<>> text_;
  std::map<std::pair<std::string, Date>, std::string> long_dates_;
  std::map<const Section*, std::string> count_texts_;
  std::map<const Page*, Position> positions_;
  std::map<std::pair<std::string, const Page*>, std::vector<TermLink>> page_terms_;
};

// A list for `capacity` items. kainjow's data copies an item on push_back
// and its move constructor is not noexcept, so a growing list deep-copies
// the items it holds each time it grows: lists are sized once and filled
// with Append(), which moves.
Data NewList(std::size_t capacity);
void Append(Data* list, Data item);

// Front matter params as template data: objects, lists, strings, numbers
// (as text) and booleans. A string with a script-capable URL scheme
// (javascript:, vbscript:, data:) is dropped with a warning, so a template
// that links a param can never produce a script link.
Data ParamsData(const nlohmann::json& params, const std::string& file, Diagnostics* diag);

// The meta description of `lang`'s pages without a summary of their own.
std::string DescriptionFor(const SiteConfig& config, const std::string& lang);

// Sets `description` in `d` when `text` is not empty.
void SetDescription(const std::string& text, Data* d);

// True when `url` starts with a scheme a browser would run (javascript:,
// vbscript:, data:), ignoring case, whitespace and control characters as
// browsers do.
bool IsScriptUrl(std::string_view url);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_VIEW_MODEL_H_
