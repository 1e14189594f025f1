// The SQLite API as this host sees it. The same sources build twice
// (ext/sqlite/CMakeLists.txt):
//   * the loadable extension kurdi.so (KURDI_SQLITE_LOADABLE): every sqlite3_*
//     call goes through the routine table SQLite hands to sqlite3_kurdi_init,
//     so the module links no libsqlite3;
//   * the static library kurdi_sqlite for kurdi's own programs: plain calls
//     into the libsqlite3 the program links.
#pragma once
#ifdef KURDI_SQLITE_LOADABLE
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#else
#include <sqlite3.h>
#endif
