// In-memory reference for the CLI tests: reads all of stdin and runs the
// library on it in one call. Modes:
//   normalize  -> kurdi::normalize(whole input)
//   tokenize   -> for each line, the tokens' normalized forms joined by ' '
#include <cstdio>
#include <string>
#include <string_view>

#include "kurdi/kurdi.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fputs("usage: kurdi_cli_reference normalize|tokenize < input\n", stderr);
    return 2;
  }
  const std::string mode = argv[1];
  std::string input;
  char block[1 << 16];
  std::size_t n;
  while ((n = std::fread(block, 1, sizeof block, stdin)) > 0) input.append(block, n);
  std::string out;
  if (mode == "normalize") {
    out = kurdi::normalize(input);
  } else if (mode == "tokenize") {
    std::string_view rest = input;
    while (!rest.empty()) {
      const std::size_t nl = rest.find('\n');
      const std::string_view line = rest.substr(0, nl);
      const kurdi::Tokens tokens = kurdi::tokenize(line);
      bool first = true;
      for (const kurdi::Token& t : tokens.tokens) {
        if (tokens.norm(t).empty()) continue;
        if (!first) out += ' ';
        out += tokens.norm(t);
        first = false;
      }
      out += '\n';
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    }
  } else {
    std::fputs("unknown mode\n", stderr);
    return 2;
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
