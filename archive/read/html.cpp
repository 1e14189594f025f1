// HTML: one document per file, read with libxml2's HTML parser. Real pages
// have unclosed <p> and <li>, stray tags, entities by the hundred (&zwnj; is
// part of Kurdish spelling) and scripts holding "</div>" in strings; a
// parser that follows the HTML rules gets all of that right where pattern
// matching on tags would not. libxml2 is loaded at the first HTML file
// (libxml2.hpp), so commands that read no HTML never load it.
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>

#include "archive/read/dates.hpp"
#include "archive/read/libxml2.hpp"
#include "archive/read/readers.hpp"
#include "archive/read/record.hpp"
#include "archive/read/text.hpp"
#include "kurdi/utf8.hpp"

namespace kurdi::archive::detail {
namespace {

// libxml2's functions. Only called once read_html() has loaded the library.
const LibXml2& xml() { return *load_libxml2(nullptr); }

struct DocFree {
  void operator()(xmlDoc* doc) const noexcept { xml().free_doc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

std::string_view name_of(const xmlNode* node) {
  return node->name ? std::string_view(reinterpret_cast<const char*>(node->name)) : std::string_view();
}

bool is_element(const xmlNode* node, std::string_view name) {
  return node->type == XML_ELEMENT_NODE && name_of(node) == name;
}

// An attribute's value ("" when absent); libxml2 has lower-cased HTML
// element names but not attribute values.
std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xml().get_prop(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return {};
  std::string out(reinterpret_cast<const char*>(value));
  (*xml().free)(value);
  return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// Visits the nodes under `root` in document order without recursion (pages
// can nest thousands of elements deep). `enter` returns whether to visit a
// node's children; `leave` is called for every element entered that way.
template <typename Enter, typename Leave>
void walk(const xmlNode* root, Enter&& enter, Leave&& leave) {
  const xmlNode* node = root->children;
  while (node) {
    if (enter(node)) {
      if (node->children) {
        node = node->children;
        continue;
      }
      leave(node);
    }
    while (node != root && !node->next) {
      node = node->parent;
      if (node != root) leave(node);
    }
    if (node == root) break;
    node = node->next;
  }
}

// The first element called `name` under `root`, in document order.
const xmlNode* find_element(const xmlNode* root, std::string_view name) {
  const xmlNode* found = nullptr;
  walk(
      root,
      [&](const xmlNode* node) {
        if (found) return false;
        if (is_element(node, name)) found = node;
        return !found;
      },
      [](const xmlNode*) {});
  return found;
}

bool is_dropped(std::string_view name) {
  return name == "script" || name == "style" || name == "noscript" || name == "template" || name == "head";
}

bool is_block(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog", "div",
      "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
      "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
      "tbody", "tfoot", "thead", "title", "tr", "ul"};
  for (const std::string_view block : kBlocks) {
    if (name == block) return true;
  }
  return false;
}

// Text with HTML's whitespace rules: runs of spaces become one space, block
// boundaries become one line break, nothing leads or trails.
class TextBuilder {
 public:
  void text(std::string_view content, bool preformatted) {
    for (const char c : content) {
      if (preformatted && c == '\n') {
        line_break();
      } else if (is_ascii_space(c)) {
        space();
      } else {
        if (!out_.empty()) {
          if (pending_line_break_) {
            out_ += '\n';
          } else if (pending_space_) {
            out_ += ' ';
          }
        }
        pending_line_break_ = pending_space_ = false;
        out_ += c;
      }
    }
  }
  void space() { pending_space_ = true; }
  void line_break() { pending_line_break_ = true; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  bool pending_space_ = false;
  bool pending_line_break_ = false;
};

// The visible text under `root`.
std::string text_of(const xmlNode* root) {
  TextBuilder builder;
  int preformatted = 0;
  walk(
      root,
      [&](const xmlNode* node) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
          if (node->content) builder.text(reinterpret_cast<const char*>(node->content), preformatted > 0);
          return false;
        }
        if (node->type != XML_ELEMENT_NODE) return false;  // comments, processing instructions
        const std::string_view name = name_of(node);
        if (is_dropped(name)) return false;
        if (is_block(name)) builder.line_break();
        if (name == "td" || name == "th") builder.space();
        if (name == "pre") ++preformatted;
        return true;
      },
      [&](const xmlNode* node) {
        const std::string_view name = name_of(node);
        if (is_block(name)) builder.line_break();
        if (name == "td" || name == "th") builder.space();
        if (name == "pre") --preformatted;
      });
  return builder.take();
}

// <meta name="date"> or <meta property="article:published_time">, the first
// that holds one of the accepted dates. A page's own metadata in another
// form is not the reader's fault, so it is passed over rather than costing
// the page (a `date` given in JSON Lines or CSV is checked strictly).
std::string date_of(const xmlNode* root) {
  std::string date;
  walk(
      root,
      [&](const xmlNode* node) {
        if (!date.empty()) return false;
        if (is_element(node, "meta")) {
          if (equals_ignoring_case(attribute(node, "name"), "date") ||
              equals_ignoring_case(attribute(node, "property"), "article:published_time")) {
            if (auto normalized = normalize_date(trim_ascii(attribute(node, "content")))) date = *normalized;
          }
        }
        return date.empty();
      },
      [](const xmlNode*) {});
  return date;
}

// Whether the page names a character set other than UTF-8 (<meta charset>
// or <meta http-equiv="Content-Type" content="...; charset=...">).
bool declares_other_charset(const xmlNode* root) {
  bool other = false;
  walk(
      root,
      [&](const xmlNode* node) {
        if (is_element(node, "meta")) {
          std::string charset = attribute(node, "charset");
          if (charset.empty()) {
            const std::string content = attribute(node, "content");
            const std::size_t at = content.find("charset=");
            if (at != std::string::npos) charset = content.substr(at + 8);
          }
          const std::string_view name = trim_ascii(charset);
          if (!name.empty() && !equals_ignoring_case(name, "utf-8") && !equals_ignoring_case(name, "utf8")) {
            other = true;
          }
        }
        return !other;
      },
      [](const xmlNode*) {});
  return other;
}

struct Parsed {
  DocPtr doc;
  std::string fatal;  // libxml2's message when it stopped before the end
};

Parsed parse(const std::string& html, const char* encoding) {
  // (xmlInitParser ran when the library was loaded.)
  // XML_PARSE_HUGE lifts libxml2's nesting limit of 256, past which it
  // drops the rest of the page; the input is already bounded by
  // max_record_bytes.
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | XML_PARSE_HUGE;
  if (encoding) options |= HTML_PARSE_IGNORE_ENC;
  const LibXml2& f = xml();
  const std::unique_ptr<htmlParserCtxt, decltype(f.free_parser_context)> context(f.new_parser_context(),
                                                                                 f.free_parser_context);
  if (!context) throw std::bad_alloc();
  Parsed parsed;
  parsed.doc.reset(
      f.read_memory(context.get(), html.data(), static_cast<int>(html.size()), nullptr, encoding, options));
  // Recoverable errors are every real page's lot; a fatal one means the
  // parser gave up, and the text after it would be lost.
  if (const xmlError* error = f.last_error(context.get()); error && error->level == XML_ERR_FATAL) {
    parsed.fatal = collapse_ascii_space(error->message ? error->message : "fatal error");
  }
  return parsed;
}

}  // namespace

void read_html(const Source& source) {
  // Without libxml2 (a kurdi built here and run where it is not installed)
  // every HTML file is a Skip that says so; the other formats still work.
  std::string unloadable;
  if (!load_libxml2(&unloadable)) {
    source.skip(0, std::string("reading HTML needs libxml2 (") + kLibXml2Name + "): " + unloadable);
    return;
  }
  std::string html;
  // htmlReadMemory takes an int size.
  const std::size_t max_bytes =
      std::min<std::size_t>(source.max_record_bytes, static_cast<std::size_t>(std::numeric_limits<int>::max()));
  if (!source.input.read_all(html, max_bytes)) {
    source.skip(0, source.input.error().empty() ? too_large_reason("file", max_bytes) : source.input.error());
    return;
  }
  if (trim_ascii(html).empty()) {
    source.skip(0, "the file is empty");
    return;
  }

  // Valid UTF-8 is read as UTF-8 whatever the page says (a page that is
  // valid UTF-8 and says windows-1256 is almost surely mislabelled). Other
  // bytes are read in the character set the page declares, and are a Skip
  // when it declares none: libxml2 would guess Latin-1 and store mojibake.
  Parsed parsed;
  if (const std::size_t bad = kurdi::find_invalid_utf8(html); bad == std::string_view::npos) {
    parsed = parse(html, "UTF-8");
  } else {
    parsed = parse(html, nullptr);
    const xmlNode* root = parsed.doc ? xml().root_element(parsed.doc.get()) : nullptr;
    if (!root || !declares_other_charset(root)) {
      source.skip(position_of(html, bad).line, invalid_utf8_reason(html, bad, 1) + " (and no other charset declared)");
      return;
    }
  }
  if (!parsed.fatal.empty()) {
    source.skip(0, "the HTML parser stopped: " + parsed.fatal);
    return;
  }
  const xmlNode* root = parsed.doc ? xml().root_element(parsed.doc.get()) : nullptr;
  if (!root) {
    source.skip(0, "not an HTML document");
    return;
  }

  RecordFields fields;
  if (source.file != kStandardInput) fields.id = source.file;  // else derived from the body
  const xmlNode* body = find_element(root, "body");
  fields.body = body ? text_of(body) : std::string();
  if (trim_ascii(*fields.body).empty()) {
    source.skip(0, "the HTML body has no text");
    return;
  }
  std::string title;
  if (const xmlNode* element = find_element(root, "title")) title = collapse_ascii_space(text_of(element));
  if (title.empty()) {
    if (const xmlNode* h1 = find_element(root, "h1")) title = collapse_ascii_space(text_of(h1));
  }
  if (title.empty()) title = std::string(base_name(source.file));
  fields.title = std::move(title);
  fields.date = date_of(root);
  if (is_element(root, "html")) fields.language = attribute(root, "lang");

  auto outcome = finish_record(std::move(fields), source.file, 1);
  if (auto* reason = std::get_if<std::string>(&outcome)) {
    source.skip(0, std::move(*reason));
    return;
  }
  source.sink.document(std::move(std::get<SourceDocument>(outcome)));
}

}  // namespace kurdi::archive::detail
