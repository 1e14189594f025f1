#include "archive/read/libxml2.hpp"

#include <dlfcn.h>

namespace kurdi::archive::detail {
namespace {

struct Loaded {
  LibXml2 functions{};
  std::string error;  // empty when loaded
};

// dlsym into `slot` (a function pointer, or for xmlFree a pointer to the
// variable); false with `error` set when the symbol is missing.
template <typename Pointer>
bool resolve(void* library, const char* name, Pointer& slot, std::string& error) {
  dlerror();  // clear a stale message
  void* symbol = dlsym(library, name);
  if (!symbol) {
    const char* why = dlerror();
    error = why ? why : std::string(name) + ": not found";
    return false;
  }
  // POSIX guarantees that a data pointer from dlsym converts to a function pointer.
  slot = reinterpret_cast<Pointer>(symbol);
  return true;
}

Loaded load() {
  Loaded loaded;
  // RTLD_LOCAL: its symbols stay out of the global namespace, as when it
  // was linked. RTLD_NOW: a broken library fails here, not mid-parse.
  void* library = dlopen(kLibXml2Name, RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char* why = dlerror();
    loaded.error = why ? why : "dlopen failed";
    return loaded;
  }
  LibXml2& f = loaded.functions;
  const bool ok = resolve(library, "xmlInitParser", f.init_parser, loaded.error) &&
                  resolve(library, "htmlNewParserCtxt", f.new_parser_context, loaded.error) &&
                  resolve(library, "htmlFreeParserCtxt", f.free_parser_context, loaded.error) &&
                  resolve(library, "htmlCtxtReadMemory", f.read_memory, loaded.error) &&
                  resolve(library, "xmlCtxtGetLastError", f.last_error, loaded.error) &&
                  resolve(library, "xmlDocGetRootElement", f.root_element, loaded.error) &&
                  resolve(library, "xmlGetProp", f.get_prop, loaded.error) &&
                  resolve(library, "xmlFreeDoc", f.free_doc, loaded.error) &&
                  resolve(library, "xmlFree", f.free, loaded.error);
  if (!ok) {
    dlclose(library);
    return loaded;
  }
  f.init_parser();
  return loaded;
}

}  // namespace

const LibXml2* load_libxml2(std::string* error) {
  static const Loaded loaded = load();  // once, thread-safe (C++11 statics)
  if (!loaded.error.empty()) {
    if (error) *error = loaded.error;
    return nullptr;
  }
  return &loaded.functions;
}

}  // namespace kurdi::archive::detail
