// kurdi eval: command-line arguments of one subcommand.
#pragma once
#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace kurdi_eval {

/// Thrown for a usage error (exit status 2).
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// `--name value` options, `--flag` switches and positional arguments.
/// Which options take a value is declared by the caller.
class Args {
 public:
  Args(const std::vector<std::string>& argv, const std::vector<std::string>& valued,
       const std::vector<std::string>& flags);

  bool flag(const std::string& name) const { return flags_.count(name) != 0; }
  std::string get(const std::string& name, const std::string& fallback) const;
  std::size_t get_size(const std::string& name, std::size_t fallback) const;
  const std::vector<std::string>& positional() const { return positional_; }
  /// The positional arguments, or `defaults` when there are none.
  std::vector<std::string> files_or(const std::vector<std::string>& defaults) const;

 private:
  std::map<std::string, std::string> values_;
  std::map<std::string, bool> flags_;
  std::vector<std::string> positional_;
};

/// Where the shared development data sits (compile definition).
std::string data_dir();

}  // namespace kurdi_eval
