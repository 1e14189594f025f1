// libxml2, loaded at run time. The HTML reader is the only user of libxml2
// in kurdi, and linking it would make every kurdi command load it and ICU
// at start-up (about 3 ms; docs/benchmarks.md, "Process start"). So kurdi is
// compiled against libxml2's headers only, and the HTML reader asks for the
// library (dlopen) at the first HTML file.
#pragma once
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

#include <string>

namespace kurdi::archive::detail {

/// The soname loaded, named in messages.
inline constexpr const char* kLibXml2Name = "libxml2.so.2";

/// The libxml2 functions the HTML reader calls, resolved with dlsym.
struct LibXml2 {
  decltype(&::xmlInitParser) init_parser;
  decltype(&::htmlNewParserCtxt) new_parser_context;
  decltype(&::htmlFreeParserCtxt) free_parser_context;
  decltype(&::htmlCtxtReadMemory) read_memory;
  decltype(&::xmlCtxtGetLastError) last_error;
  decltype(&::xmlDocGetRootElement) root_element;
  decltype(&::xmlGetProp) get_prop;
  decltype(&::xmlFreeDoc) free_doc;
  /// libxml2's `xmlFree` is a variable holding the deallocator (it can be
  /// replaced with xmlMemSetup), so this points at the variable.
  const xmlFreeFunc* free;
};

/// libxml2, loaded and initialised (xmlInitParser) at the first call, once
/// per process and thread-safe; never unloaded. nullptr when it cannot be
/// loaded, with dlerror()'s message in `*error`.
const LibXml2* load_libxml2(std::string* error);

}  // namespace kurdi::archive::detail
