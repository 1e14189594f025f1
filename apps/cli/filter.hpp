// The loop the filter subcommands (normalize, tokenize, sentences) share:
// each FILE in turn through one Session and one Output.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "input.hpp"
#include "output.hpp"
#include "session.hpp"

namespace kurdi::cli {

/// Calls process(input, out) for every FILE that opens ("-" is standard
/// input; one that does not open is reported and makes the exit status 1),
/// then flushes the output and returns the run's exit status.
template <typename Process>
int run_filter(const std::vector<std::string>& files, bool strict, Process&& process) {
  Session session(strict);
  Output out;
  for (const std::string& path : files) {
    Input input(path, session);
    if (input.ok()) std::forward<Process>(process)(input, out);
  }
  out.flush();
  session.progress().clear();
  return session.exit_code();
}

}  // namespace kurdi::cli
