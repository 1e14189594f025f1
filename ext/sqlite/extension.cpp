// The entry point of the loadable extension kurdi.so: `.load ./kurdi` in the
// sqlite3 shell, or sqlite3_load_extension(db, "kurdi", nullptr, &err),
// finds sqlite3_kurdi_init from the file name. Only this symbol is exported.
#include <cstring>
#include <string>

#include "kurdi_sqlite.hpp"
#include "sqlite_api.hpp"

SQLITE_EXTENSION_INIT1

extern "C" __attribute__((visibility("default"))) int sqlite3_kurdi_init(
    sqlite3* db, char** error, const sqlite3_api_routines* api) {
  SQLITE_EXTENSION_INIT2(api);
  std::string message;
  int rc;
  try {
    rc = kurdi::sqlite::register_all(db, &message);
  } catch (...) {
    rc = SQLITE_ERROR;
    message = "kurdi: registration failed";
  }
  if (rc != SQLITE_OK && error != nullptr && !message.empty()) {
    *error = sqlite3_mprintf("%s", message.c_str());
  }
  return rc;
}
