// Reader-facing blocks that cmark-gfm does not make on its own, for
// markdown.cc: GitHub alerts, task-list items whose checkbox is labelled by
// the item's text, tables that scroll on their own, and footnote back-links
// labelled in the page's language.
//
// Alerts are block quotes whose first line is exactly `[!NOTE]`, `[!TIP]`,
// `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` (any case), as on GitHub:
//
//   > [!WARNING]
//   > Figures for 2019 are provisional.
//
// becomes <div class="alert alert--warning" role="note"> with a title
// paragraph holding the translated label, then the quote's blocks. A block
// quote with any other first line stays a block quote.
#ifndef KBGEN_GENERATOR_MARKDOWN_BLOCKS_H_
#define KBGEN_GENERATOR_MARKDOWN_BLOCKS_H_

#include <map>
#include <string>

#include <cmark-gfm.h>

namespace kbgen {

// The words these blocks show, in the page's language.
struct MarkdownLabels {
  // Alert kind ("note", "tip", "important", "warning", "caution") -> title.
  std::map<std::string, std::string> alerts = {{"note", "Note"},
                                               {"tip", "Tip"},
                                               {"important", "Important"},
                                               {"warning", "Warning"},
                                               {"caution", "Caution"}};
  // The accessible name of a footnote's link back to where it is cited.
  std::string footnote_back = "Back to content";
};

// The alert kinds, in the order GitHub lists them.
inline constexpr const char* kAlertKinds[] = {"note", "tip", "important", "warning", "caution"};

// Turns alert block quotes below `root` into alert blocks.
void MakeAlerts(cmark_node* root, const MarkdownLabels& labels);

// Wraps each table in <div class="table-scroll" tabindex="0">: a wide
// table scrolls inside it, and a keyboard reaches what is scrolled away.
void WrapTables(cmark_node* root);

// Puts each task-list item's checkbox and the text of its first paragraph
// in one <label>, so the checkbox is named by its text.
void LabelTaskItems(cmark_node* root);

// `html` (cmark-gfm's output) with the footnote back-links' English
// accessible name replaced by labels.footnote_back.
std::string LabelFootnoteBackLinks(std::string html, const MarkdownLabels& labels);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_MARKDOWN_BLOCKS_H_
