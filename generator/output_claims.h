// OutputClaims: one owner per output path, checked before anything is
// written.
//
// Pages, aliases, generated files, content assets and theme files all land
// in one output tree. Two of them claiming the same path is an error, and
// so is one that needs a path to be a folder while another writes a file
// there (an alias `/css/kb.css` makes css/kb.css/index.html, but the theme
// writes the file css/kb.css). Either would otherwise fail half way through
// writing, with a message about the staging folder instead of the page.
#ifndef KBGEN_GENERATOR_OUTPUT_CLAIMS_H_
#define KBGEN_GENERATOR_OUTPUT_CLAIMS_H_

#include <map>
#include <string>

#include "generator/diagnostics.h"

namespace kbgen {

class OutputClaims {
 public:
  // `owner` names the source in messages (a page's file, a theme file, or
  // "the generated en/feed.xml"); `alias` is the alias as written in front
  // matter when the claim is an alias's redirect page, else "".
  void Claim(const std::string& path, const std::string& owner, const std::string& alias = "");

  // Reports every collision on the owner that caused it. True when none.
  bool Check(Diagnostics* diag) const;

 private:
  struct Owner {
    std::string owner;
    std::string alias;
  };
  std::map<std::string, Owner> owners_;
  std::map<std::string, std::string> duplicates_;  // "path\nowner" -> first owner
};

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_OUTPUT_CLAIMS_H_
