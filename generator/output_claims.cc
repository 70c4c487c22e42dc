#include "generator/output_claims.h"

namespace kbgen {

void OutputClaims::Claim(const std::string& path, const std::string& owner,
                         const std::string& alias) {
  auto [it, inserted] = owners_.emplace(path, Owner{owner, alias});
  if (!inserted) duplicates_.emplace(path + "\n" + owner, it->second.owner);
}

bool OutputClaims::Check(Diagnostics* diag) const {
  bool ok = duplicates_.empty();
  for (const auto& [key, first] : duplicates_) {
    std::size_t nl = key.find('\n');
    diag->Error(key.substr(nl + 1), 0,
                "output file " + key.substr(0, nl) + " is also produced by " + first);
  }
  // Each parent folder of a claimed path must not be claimed as a file.
  for (const auto& [path, owner] : owners_) {
    for (std::size_t slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
      auto file = owners_.find(path.substr(0, slash));
      if (file == owners_.end()) continue;
      ok = false;
      std::string what = owner.alias.empty() ? "output file " + path : "alias '" + owner.alias + "'";
      diag->Error(owner.owner, 0,
                  what + " needs " + file->first + " to be a folder, but that path is a file: " +
                      file->second.owner);
      break;
    }
  }
  return ok;
}

}  // namespace kbgen
