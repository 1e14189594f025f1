#!/usr/bin/env bash
# Installs a configured, built tree into a scratch DESTDIR and checks what a
# user of the installed kurdi gets:
#   * the files (program, libkurdi.so with its SONAME links, libkurdi.a,
#     headers, kurdi.pc, CMake package, man page, licence files);
#   * a C program built with `pkg-config --cflags --libs kurdi` (shared);
#   * a C++ CMake project using find_package(kurdi) with kurdi::kurdi_shared
#     and kurdi::kurdi_static;
#   * the installed `kurdi` program (--version, --licenses; `kurdi serve --help`
#     through <libexecdir>/kurdi/kurdi-serve; `kurdi index` of an HTML file,
#     which loads libxml2 at run time; no libxml2 or cpp-httplib linked);
#   * the SQLite extension <libdir>/kurdi/kurdi.so, loaded by the sqlite3 shell;
#   * `cpack -G DEB`: the packages kurdi, libkurdiN and libkurdi-dev with computed
#     Depends (kurdi's also names libxml2, which shlibdeps cannot see), every
#     installed file in exactly one of them.
#
#   scripts/check-install.sh [BUILD_DIR]        (default: build)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
cache=$build/CMakeCache.txt
[ -f "$cache" ] || { echo "check-install: $build is not a configured build" >&2; exit 1; }
cache_get() { sed -n "s/^$1:[A-Z]*=//p" "$cache" | head -n1; }

version=$(cache_get CMAKE_PROJECT_VERSION)
prefix=$(cache_get CMAKE_INSTALL_PREFIX)
libdir=$(cache_get CMAKE_INSTALL_LIBDIR); libdir=${libdir:-lib}
libexecdir=$(cache_get CMAKE_INSTALL_LIBEXECDIR); libexecdir=${libexecdir:-libexec}
[ -n "$version" ] || { echo "check-install: no project version in $cache" >&2; exit 1; }

# realpath: the checks compare paths that ldd and CMake print, which are canonical.
work=$(realpath "$(mktemp -d "${TMPDIR:-/tmp}/kurdi-install-check.XXXXXX")")
trap 'rm -rf "$work"' EXIT
dest=$work/dest
top=$dest$prefix
lib=$top/$libdir
fail=0
ok()  { echo "  ok   $*"; }
bad() { echo "  FAIL $*"; fail=1; }

echo "check-install: kurdi $version, DESTDIR=$dest, prefix $prefix"
DESTDIR=$dest cmake --install "$build" >"$work/install.log" \
  || { cat "$work/install.log"; exit 1; }

# --- files ----------------------------------------------------------------------
expect=(
  "$lib/libkurdi.so.$version" "$lib/libkurdi.so.${version%%.*}" "$lib/libkurdi.so"
  "$lib/libkurdi.a" "$top/include/kurdi.h" "$top/include/kurdi/kurdi.hpp"
  "$lib/pkgconfig/kurdi.pc" "$lib/cmake/kurdi/kurdiConfig.cmake"
  "$lib/cmake/kurdi/kurdiConfigVersion.cmake" "$lib/cmake/kurdi/kurdiTargets.cmake"
  "$top/share/doc/kurdi/LICENSE" "$top/share/doc/kurdi/NOTICE" "$top/share/doc/kurdi/README.md")
[ -f "$root/docs/kurdi.1" ] && expect+=("$top/share/man/man1/kurdi.1")
have_cli=0
[ -x "$build/apps/cli/kurdi" ] && have_cli=1
[ $have_cli = 1 ] && expect+=("$top/bin/kurdi")
have_serve=0
[ -x "$build/apps/cli/kurdi-serve" ] && have_serve=1
[ $have_serve = 1 ] && expect+=("$top/$libexecdir/kurdi/kurdi-serve")
# The archive commands (and the HTML reader) come with the SQLite host.
have_archive=0
[ $have_cli = 1 ] && grep -q '^  index ' <<<"$("$build/apps/cli/kurdi" --help)" && have_archive=1
for f in "${expect[@]}"; do
  if [ -e "$f" ]; then ok "${f#"$dest"}"; else bad "missing ${f#"$dest"}"; fi
done
[ -L "$lib/libkurdi.so" ] && [ -L "$lib/libkurdi.so.${version%%.*}" ] \
  && ok "libkurdi.so and libkurdi.so.${version%%.*} are symlinks" \
  || bad "SONAME symlinks"
soname=$(readelf -d "$lib/libkurdi.so.$version" 2>/dev/null | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
[ "$soname" = "libkurdi.so.${version%%.*}" ] && ok "SONAME $soname" || bad "SONAME is '$soname'"

# --- C program through pkg-config -----------------------------------------------------
export PKG_CONFIG_PATH=$lib/pkgconfig
pcver=$(pkg-config --modversion kurdi) || pcver=none
[ "$pcver" = "$version" ] && ok "pkg-config --modversion kurdi = $pcver" || bad "pkg-config version $pcver"
cat >"$work/hello.c" <<'C'
#include <kurdi.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char** argv) {
  (void)argc;
  if (strcmp(kurdi_version(), argv[1]) != 0) {
    fprintf(stderr, "version %s, expected %s\n", kurdi_version(), argv[1]);
    return 1;
  }
  /* Arabic kaf and yeh become the Kurdish letters in the standard profile. */
  const char in[] = "\xd9\x83\xd9\x88\xd8\xb1\xd8\xaf\xd9\x8a"; /* كوردي */
  const char want[] = "\xda\xa9\xd9\x88\xd8\xb1\xd8\xaf\xdb\x8c"; /* کوردی */
  char* out = NULL;
  size_t out_len = 0;
  if (kurdi_normalize(in, sizeof in - 1, NULL, &out, &out_len) != KURDI_OK) return 2;
  int same = out_len == sizeof want - 1 && memcmp(out, want, out_len) == 0;
  kurdi_free(out);
  if (!same) return 3;
  kurdi_token_list* tokens = NULL;
  const char text[] = "\xd9\x84\xd9\x87 \xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa1."; /* له ٢٠٢١. */
  if (kurdi_tokenize(text, sizeof text - 1, NULL, &tokens) != KURDI_OK) return 4;
  size_t n = kurdi_token_list_size(tokens);
  kurdi_token_list_free(tokens);
  if (n < 2) return 5;
  kurdi_span* spans = NULL;
  size_t count = 0;
  if (kurdi_sentences(text, sizeof text - 1, &spans, &count) != KURDI_OK) return 6;
  kurdi_free(spans);
  if (count < 1) return 7;
  printf("%s %s\n", kurdi_version(), kurdi_analyzer_version());
  return 0;
}
C
# shellcheck disable=SC2046
if cc -std=c11 -Wall -Wextra -Werror $(pkg-config --cflags kurdi) "$work/hello.c" \
      -o "$work/hello_c" $(pkg-config --libs kurdi) 2>"$work/cc.log"; then
  ok "C program compiles and links with pkg-config"
  if out=$(LD_LIBRARY_PATH=$lib "$work/hello_c" "$version"); then
    ok "C program runs: $out"
  else
    bad "C program failed (exit $?)"
  fi
  # Capture ldd's output first (`ldd | grep -q` under pipefail can fail when
  # grep exits early, and the output is wanted in the log when the check fails).
  so=libkurdi.so.${version%%.*}
  deps=$(LD_LIBRARY_PATH=$lib ldd "$work/hello_c" 2>&1) || true
  loaded=$(sed -n "s|^[[:space:]]*$so => \(.*\) (0x.*|\1|p" <<<"$deps")
  if [ -n "$loaded" ] && [ "$(realpath "$loaded")" = "$(realpath "$lib/$so")" ]; then
    ok "C program uses the installed $so"
  else
    printf '%s\n' "$deps"; bad "C program does not load the installed library (ldd above)"
  fi
else
  cat "$work/cc.log"; bad "C program does not build with pkg-config"
fi

# --- C++ project through find_package(kurdi) --------------------------------------------
mkdir -p "$work/consumer"
cat >"$work/consumer/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.16)
project(kurdi_consumer CXX)
set(CMAKE_CXX_STANDARD 20)
find_package(kurdi REQUIRED CONFIG)
foreach(kind shared static)
  add_executable(hello_${kind} hello.cpp)
  target_link_libraries(hello_${kind} PRIVATE kurdi::kurdi_${kind})
  target_compile_definitions(hello_${kind} PRIVATE EXPECTED_VERSION="${kurdi_VERSION}")
endforeach()
CMAKE
cat >"$work/consumer/hello.cpp" <<'CPP'
#include <kurdi/kurdi.hpp>

#include <iostream>

int main() {
  if (kurdi::version() != EXPECTED_VERSION) return 1;
  if (kurdi::normalize("\u0643\u0648\u0631\u062f\u064a") != "\u06a9\u0648\u0631\u062f\u06cc") return 2;
  const kurdi::Tokens t = kurdi::tokenize("\u0644\u06d5 \u0662\u0660\u0662\u0661.");
  if (t.tokens.size() < 2 || t.tokens[0].begin != 0) return 3;
  if (kurdi::sentences("\u0626\u06d5\u0648. \u0626\u06d5\u0645.").empty()) return 4;
  // Morphology and transliteration through the exported C++ API (classes included).
  kurdi::Analyzer analyzer;
  if (analyzer.stems("\u06af\u0648\u06b5\u06d5\u06a9\u0627\u0646").empty()) return 5;  // گوڵەکان
  if (kurdi::lemma("\u06af\u0648\u06b5\u06d5\u06a9\u0627\u0646").empty()) return 6;
  const kurdi::UserLexicon user = kurdi::UserLexicon::parse("");
  if (user.size() != 0) return 7;
  if (kurdi::transliterate("\u06a9\u0648\u0631\u062f").empty()) return 8;  // کورد
  std::cout << kurdi::analyzer_version() << '\n';
  return 0;
}
CPP
if cmake -S "$work/consumer" -B "$work/consumer/build" -DCMAKE_PREFIX_PATH="$top" \
      -DCMAKE_BUILD_TYPE=Release >"$work/consumer.log" 2>&1 \
   && cmake --build "$work/consumer/build" >>"$work/consumer.log" 2>&1; then
  ok "CMake project builds with find_package(kurdi) (kurdi::kurdi_shared, kurdi::kurdi_static)"
  grep -q "^kurdi_DIR:PATH=$lib/cmake/kurdi" "$work/consumer/build/CMakeCache.txt" \
    && ok "found the package in the DESTDIR" || bad "find_package found another kurdi"
  for kind in shared static; do
    if out=$("$work/consumer/build/hello_$kind"); then ok "kurdi::kurdi_$kind program runs: $out"
    else bad "kurdi::kurdi_$kind program failed (exit $?)"; fi
  done
  deps=$(ldd "$work/consumer/build/hello_static" 2>&1) || true
  grep -q libkurdi <<<"$deps" && bad "static program loads libkurdi.so" || true
else
  cat "$work/consumer.log"; bad "CMake project with find_package(kurdi) does not build"
fi

# --- exported symbols ---------------------------------------------------------------------
# libkurdi.so is built with hidden visibility: the C ABI and the public C++ API
# (include/kurdi/export.hpp) are exported, nothing from the internal namespaces.
syms=$(nm -DC --defined-only "$lib/libkurdi.so.$version")
n_c=$(grep -c ' T kurdi_' <<<"$syms" || true)
internal=$(grep -E ' kurdi::(text|morph|data|util|translit_detail|normalize_detail)::' <<<"$syms" || true)
if [ -z "$internal" ] && [ "$n_c" -gt 0 ]; then
  ok "libkurdi.so exports $n_c C functions and the public C++ API, no internal symbols"
else
  bad "libkurdi.so exports internal symbols (or no C function):"; echo "$internal" | head -n 20
fi

# --- the installed program ----------------------------------------------------------------
if [ $have_cli = 1 ]; then
  if v=$("$top/bin/kurdi" --version) && grep -q "$version" <<<"$v"; then
    ok "kurdi --version: $(head -n1 <<<"$v")"
  else bad "kurdi --version does not name $version"; fi
  if "$top/bin/kurdi" --licenses | cmp -s - "$root/NOTICE"; then
    ok "kurdi --licenses prints NOTICE"
  else bad "kurdi --licenses differs from NOTICE"; fi
  # Libraries only some commands need are not loaded at start (docs/benchmarks.md,
  # "Process start"): cpp-httplib is kurdi-serve's, libxml2 is loaded with dlopen.
  needed=$(readelf -d "$top/bin/kurdi" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
  if grep -qE 'libxml2|cpp-httplib' <<<"$needed"; then bad "the installed kurdi links: $needed"
  else ok "the installed kurdi links neither libxml2 nor cpp-httplib: $needed"; fi
  # kurdi serve execs <libexecdir>/kurdi/kurdi-serve, found relative to the
  # installed kurdi (here inside DESTDIR: a moved prefix).
  if [ $have_serve = 1 ]; then
    "$build/apps/cli/kurdi" serve --help >"$work/serve-help-build"
    if "$top/bin/kurdi" serve --help >"$work/serve-help" 2>"$work/serve-err" \
       && cmp -s "$work/serve-help-build" "$work/serve-help"; then
      ok "kurdi serve --help runs ${libexecdir}/kurdi/kurdi-serve"
    else cat "$work/serve-err"; bad "the installed kurdi serve --help does not work"; fi
  fi
  # kurdi index of an HTML file: the HTML reader loads libxml2 at run time.
  if [ $have_archive = 1 ]; then
    printf '<html lang="ckb"><head><title>%s</title></head><body><p>%s</p></body></html>\n' \
      'تاقیکردنەوە' 'بەرپرسەکانی ئەمریکا' >"$work/page.html"
    if "$top/bin/kurdi" index "$work/page.db" "$work/page.html" >/dev/null 2>"$work/index-err" \
       && grep -q '1 added' "$work/index-err" \
       && "$top/bin/kurdi" search "$work/page.db" 'بەرپرس' >"$work/page-search" \
       && grep -q 'تاقیکردنەوە' "$work/page-search"; then
      ok "kurdi index of an HTML file, then kurdi search finds it"
    else cat "$work/index-err"; bad "the installed kurdi cannot index an HTML file"; fi
  fi
fi

# --- the SQLite extension ------------------------------------------------------------------
# Installed as <libdir>/kurdi/kurdi.so (ext/sqlite/CMakeLists.txt); `.load` finds
# sqlite3_kurdi_init from the file name.
if [ -f "$build/ext/sqlite/kurdi.so" ]; then
  ext=$lib/kurdi/kurdi.so
  if [ -f "$ext" ]; then ok "${ext#"$dest"}"; else bad "missing ${ext#"$dest"}"; fi
  if command -v sqlite3 >/dev/null; then
    if out=$(sqlite3 -batch :memory: ".load ${ext%.so}" \
          "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='kurdi');" \
          "INSERT INTO t VALUES ('بەرپرسەکانی ئەمریکا');" \
          "SELECT kurdi_version('library'), count(*) FROM t WHERE t MATCH kurdi_query('بەرپرس');" 2>&1) \
       && [ "$out" = "$version|1" ]; then
      ok "sqlite3 .load ${ext#"$dest"} (FTS5 tokenizer kurdi, kurdi_query): $out"
    else
      printf '%s\n' "$out"; bad "the installed kurdi.so does not load or search in sqlite3"
    fi
  fi
fi

# --- Debian packages -----------------------------------------------------------------------
# Three packages (cmake/KurdiInstall.cmake): libkurdiN (runtime), libkurdi-dev, kurdi (the
# program). Together they hold every installed file, none twice.
if command -v dpkg-deb >/dev/null && [ -f "$build/CPackConfig.cmake" ]; then
  major=${version%%.*}
  if (cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/deb" >"$work/cpack.log" 2>&1); then
    debs=$(cd "$work/deb" && ls ./*.deb | sed 's|^\./||' | sort | tr '\n' ' ')
    want="kurdi_${version}_ libkurdi-dev_${version}_ libkurdi${major}_${version}_"
    n=$(wc -w <<<"$debs")
    [ "$n" = 3 ] && ok "cpack -G DEB: $debs" || bad "cpack made $n packages, want 3: $debs"
    declare -A expect_in=(
      [kurdi]="usr/bin/kurdi share/doc/kurdi/NOTICE"
      [libkurdi$major]="lib/libkurdi.so.$major share/doc/libkurdi$major/NOTICE"
      [libkurdi-dev]="lib/libkurdi.so lib/libkurdi.a include/kurdi.h include/kurdi/kurdi.hpp pkgconfig/kurdi.pc cmake/kurdi/kurdiConfig.cmake share/doc/libkurdi-dev/NOTICE")
    [ $have_cli = 1 ] || expect_in[kurdi]="share/doc/kurdi/NOTICE"
    [ -f "$build/ext/sqlite/kurdi.so" ] && expect_in[kurdi]+=" lib/kurdi/kurdi.so"
    [ $have_serve = 1 ] && expect_in[kurdi]+=" $libexecdir/kurdi/kurdi-serve"
    all_files=""
    for pkg in kurdi "libkurdi$major" libkurdi-dev; do
      deb=$(ls "$work"/deb/"${pkg}_${version}"_*.deb 2>/dev/null | head -n1)
      if [ -z "$deb" ]; then bad "no package $pkg"; continue; fi
      [ "$(dpkg-deb -f "$deb" Package)" = "$pkg" ] && [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] \
        || bad "$pkg: Package or Version field"
      files=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $6}')
      all_files+="$files"$'\n'
      for f in ${expect_in[$pkg]}; do
        grep -q "/$f\$" <<<"$files" || bad "$pkg lacks $f"
      done
      ok "$pkg: $(grep -c . <<<"$files") files, Depends: $(dpkg-deb -f "$deb" Depends)"
    done
    # dlopen'ed at the first HTML file, so declared (cmake/KurdiInstall.cmake), not computed.
    cli_deb=$(ls "$work"/deb/kurdi_*.deb 2>/dev/null | head -n1)
    if [ $have_archive = 1 ]; then
      [ -n "$cli_deb" ] && grep -qE '(^|, )libxml2 \(>= ' <<<"$(dpkg-deb -f "$cli_deb" Depends)" \
        && ok "kurdi depends on libxml2" || bad "kurdi does not depend on libxml2"
    fi
    dev_deb=$(ls "$work"/deb/libkurdi-dev_*.deb 2>/dev/null | head -n1)
    [ -n "$dev_deb" ] && grep -q "libkurdi$major (= $version)" <<<"$(dpkg-deb -f "$dev_deb" Depends)" \
      && ok "libkurdi-dev depends on libkurdi$major (= $version)" || bad "libkurdi-dev does not depend on libkurdi$major"
    rt_deb=$(ls "$work"/deb/libkurdi"$major"_*.deb 2>/dev/null | head -n1)
    # (the listing is captured first: under pipefail, `tar -t | grep -q` fails
    # whenever grep exits before tar has written everything, and tar gets SIGPIPE)
    rt_ctrl=$([ -n "$rt_deb" ] && dpkg-deb --ctrl-tarfile "$rt_deb" | tar -t || true)
    if grep -q shlibs <<<"$rt_ctrl"; then
      ok "libkurdi$major has a shlibs file"
    else bad "libkurdi$major has no shlibs file"; fi
    dups=$(sort <<<"$all_files" | grep . | uniq -d)
    [ -z "$dups" ] && ok "no file is in two packages" || bad "files in two packages: $dups"
    # Every file `cmake --install` puts down (outside the per-package doc folders) is packaged.
    missing=""
    while IFS= read -r f; do
      rel=${f#"$top"/}
      grep -q "/$rel\$" <<<"$all_files" || missing+=" $rel"
    done < <(find "$top" -type f -o -type l | grep -v '/share/doc/')
    [ -z "$missing" ] && ok "every installed file is in a package" || bad "installed but not packaged:$missing"
  else
    cat "$work/cpack.log"; bad "cpack -G DEB failed"
  fi
fi

if [ $fail = 0 ]; then echo "check-install: PASS"; else echo "check-install: FAIL"; fi
exit $fail
