#include "generator/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace kbgen {

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.path.empty()) {
    out += d.path;
    if (d.line > 0) out += ":" + std::to_string(d.line);
    out += ": ";
  }
  out += d.severity == Severity::kError     ? "error: "
         : d.severity == Severity::kWarning ? "warning: "
                                            : "note: ";
  out += d.message;
  return out;
}

void Diagnostics::Add(Diagnostic d) {
  std::lock_guard<std::mutex> lock(mu_);
  items_.push_back(std::move(d));
}

void Diagnostics::Error(std::string path, int line, std::string message) {
  Add({Severity::kError, std::move(path), line, 0, std::move(message)});
}

void Diagnostics::Warning(std::string path, int line, std::string message) {
  Add({Severity::kWarning, std::move(path), line, 0, std::move(message)});
}

void Diagnostics::Note(std::string path, int line, std::string message) {
  Add({Severity::kNote, std::move(path), line, 0, std::move(message)});
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError;
  });
}

std::size_t Diagnostics::warning_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kWarning;
  });
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  std::vector<Diagnostic> out;
  {
    std::lock_guard<std::mutex> lock(mu_);
    out = items_;
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.line, a.column, a.severity, a.message) <
           std::tie(b.path, b.line, b.column, b.severity, b.message);
  });
  return out;
}

std::string FormatDiagnostics(const Diagnostics& diag) {
  std::string out;
  for (const auto& d : diag.Sorted()) out.append(FormatDiagnostic(d)).append("\n");
  return out;
}

}  // namespace kbgen
