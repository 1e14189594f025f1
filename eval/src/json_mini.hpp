// kurdi eval: a minimal JSON reader, enough for the KLPT test-case files.
//
// Parses RFC 8259 JSON into a tree: objects keep their key order (KLPT's
// cases are listed in file order), strings are decoded to UTF-8 (\uXXXX and
// surrogate pairs included), numbers are kept as their source text. No
// JSON library is installed on the build machines and this one file format
// is all the evaluation needs.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kurdi_eval::json {

struct Member;

struct Value {
  enum class Kind { null, boolean, number, string, array, object } kind = Kind::null;
  bool boolean = false;
  std::string text;  ///< string value, or the number as written
  std::vector<Value> items;
  std::vector<Member> members;  ///< in file order

  /// The member with this key, or nullptr (also when this is not an object).
  const Value* find(std::string_view key) const;
};

/// One "key": value pair of an object.
struct Member {
  std::string key;
  Value value;
};

/// Parses a whole document; throws std::runtime_error("offset N: ...") on
/// malformed input.
Value parse(std::string_view text);

}  // namespace kurdi_eval::json
