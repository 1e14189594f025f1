// kurdi: which symbols libkurdi.so exports.
//
// The library is compiled with -fvisibility=hidden (src/CMakeLists.txt), so
// only what a public header declares between KURDI_PUBLIC_BEGIN and
// KURDI_PUBLIC_END is visible to programs linked with libkurdi.so; the code
// under src/ (UTF-8 scanning, rule tables, the lexicon) stays internal and
// can change without breaking the ABI. Static linking is unaffected.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define KURDI_PUBLIC_BEGIN _Pragma("GCC visibility push(default)")
#define KURDI_PUBLIC_END _Pragma("GCC visibility pop")
#else
#define KURDI_PUBLIC_BEGIN
#define KURDI_PUBLIC_END
#endif
