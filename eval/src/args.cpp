// kurdi eval: command-line arguments of one subcommand.
#include "args.hpp"

#include <algorithm>
#include <cstdlib>

#ifndef KURDI_EVAL_DATA_DIR
#define KURDI_EVAL_DATA_DIR "../shared/data"
#endif

namespace kurdi_eval {

Args::Args(const std::vector<std::string>& argv, const std::vector<std::string>& valued,
           const std::vector<std::string>& flags) {
  const auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  bool only_positional = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (only_positional || a.size() < 2 || a[0] != '-') {
      positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    std::string name = a, value;
    bool inline_value = false;
    if (const auto eq = a.find('='); eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      inline_value = true;
    }
    if (has(valued, name)) {
      if (!inline_value) {
        if (i + 1 >= argv.size()) throw UsageError(name + " needs a value");
        value = argv[++i];
      }
      values_[name] = value;
    } else if (has(flags, name) && !inline_value) {
      flags_[name] = true;
    } else {
      throw UsageError("unknown option " + a);
    }
  }
}

std::string Args::get(const std::string& name, const std::string& fallback) const {
  const auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

std::size_t Args::get_size(const std::string& name, std::size_t fallback) const {
  const auto it = values_.find(name);
  if (it == values_.end()) return fallback;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(it->second.c_str(), &end, 10);
  if (it->second.empty() || *end != '\0') throw UsageError(name + " needs a number");
  return static_cast<std::size_t>(v);
}

std::vector<std::string> Args::files_or(const std::vector<std::string>& defaults) const {
  return positional_.empty() ? defaults : positional_;
}

std::string data_dir() {
  if (const char* env = std::getenv("KURDI_EVAL_DATA")) return env;
  return KURDI_EVAL_DATA_DIR;
}

}  // namespace kurdi_eval
