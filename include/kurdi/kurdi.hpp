// kurdi: the C++ API in one include. Each capability also has its own header.
#pragma once
#include "kurdi/morph.hpp"
#include "kurdi/normalize.hpp"
#include "kurdi/record_cache.hpp"
#include "kurdi/search.hpp"
#include "kurdi/sentences.hpp"
#include "kurdi/tokenize.hpp"
#include "kurdi/translit.hpp"
#include "kurdi/utf8.hpp"
#include "kurdi/version.hpp"
