// Diagnostics: the errors and warnings a build or a command collects.
//
// Every user-caused problem becomes one Diagnostic naming the file and,
// where known, the line. Messages print as `path:line: error: message`
// (or `path: error: message` without a line). Diagnostics is safe to use
// from several threads at once; Sorted() gives a stable order so output
// does not depend on thread timing.
#ifndef KBGEN_GENERATOR_DIAGNOSTICS_H_
#define KBGEN_GENERATOR_DIAGNOSTICS_H_

#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

namespace kbgen {

// A note tells something worth knowing that needs no change.
enum class Severity { kNote, kWarning, kError };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string path;  // as the user would type it; may be empty
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown (not printed)
  std::string message;
};

// "path:line: error: message", "path: warning: message", "note: message".
std::string FormatDiagnostic(const Diagnostic& d);

class Diagnostics {
 public:
  void Add(Diagnostic d);
  void Error(std::string path, int line, std::string message);
  void Warning(std::string path, int line, std::string message);
  void Note(std::string path, int line, std::string message);

  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;

  // All diagnostics ordered by path, line, column, severity, message.
  std::vector<Diagnostic> Sorted() const;

 private:
  mutable std::mutex mu_;
  std::vector<Diagnostic> items_;
};

// Every diagnostic in Sorted() order, one FormatDiagnostic line each.
std::string FormatDiagnostics(const Diagnostics& diag);

}  // namespace kbgen

#endif  // KBGEN_GENERATOR_DIAGNOSTICS_H_
