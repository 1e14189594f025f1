"""kurdi: Central Kurdish (Sorani) text engine for Python.

Normalize, tokenize, split sentences, stem, lemmatize, analyse and
transliterate Sorani text, and build and search kurdi archives, with the same
results as the `kurdi` command-line program (one C++ core behind both).

    >>> import kurdi
    >>> kurdi.normalize('هێزێكی')
    'هێزێکی'
    >>> [t.norm for t in kurdi.tokenize('بەرپرسەکانی ئەمریکا')]
    ['بەرپرسەکانی', 'ئەمریکا']

Importing kurdi also registers the FTS5 tokenizer `kurdi` and the kurdi_* SQL
functions for every sqlite3 connection opened afterwards. See docs/python.md.
"""

from ._kurdi import (
    Analysis,
    Analyzer,
    Archive,
    ArchiveError,
    Hit,
    Morpheme,
    SearchResult,
    Sentence,
    Token,
    __version__,
    analyze,
    analyzer_version,
    enable_sqlite,
    is_stopword,
    lemma,
    lemma_batch,
    lemmatize,
    lemmatize_batch,
    normalize,
    normalize_batch,
    sentences,
    sentences_batch,
    sqlite_auto_extension,
    sqlite_library_version,
    stem,
    stem_batch,
    tokenize,
    tokenize_batch,
    transliterate,
    transliterate_batch,
)

__all__ = [
    "Analysis",
    "Analyzer",
    "Archive",
    "ArchiveError",
    "Hit",
    "Morpheme",
    "SearchResult",
    "Sentence",
    "Token",
    "__version__",
    "analyze",
    "analyzer_version",
    "enable_sqlite",
    "is_stopword",
    "lemma",
    "lemma_batch",
    "lemmatize",
    "lemmatize_batch",
    "normalize",
    "normalize_batch",
    "sentences",
    "sentences_batch",
    "sqlite_auto_extension",
    "sqlite_library_version",
    "stem",
    "stem_batch",
    "tokenize",
    "tokenize_batch",
    "transliterate",
    "transliterate_batch",
]
