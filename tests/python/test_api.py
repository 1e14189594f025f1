"""The Python API itself: records read as attributes and like dicts, errors
are Python exceptions with clear messages, stubs cover the module."""

import ast
import pathlib

import pytest

import kurdi
from conftest import ROOT


def test_version_attributes():
    assert kurdi.__version__.count(".") == 2
    assert kurdi.analyzer_version.startswith(kurdi.__version__ + "+")
    cmake = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    assert f"project(kurdi VERSION {kurdi.__version__}" in cmake


def test_token_fields_and_dict_access():
    text = "ئەمریکا هێزێكی ٢٠٤ 👍🏽"
    tokens = kurdi.tokenize(text)
    assert [t.type for t in tokens] == ["word", "word", "number", "emoji"]
    t = tokens[1]
    assert t.text == "هێزێكی" and t.norm == "هێزێکی"
    assert t["begin"] == t.begin == len("ئەمریکا ".encode("utf-8"))
    assert t["char_begin"] == t.char_begin == len("ئەمریکا ")
    assert text[t.char_begin:t.char_end] == t.text
    assert text.encode("utf-8")[t.begin:t.end].decode("utf-8") == t.text
    assert dict(t) == t.to_dict() == {
        "begin": t.begin, "end": t.end, "type": "word", "text": "هێزێكی", "norm": "هێزێکی",
        "char_begin": 8, "char_end": 14}
    assert list(t) == t.keys() == ["begin", "end", "type", "text", "norm", "char_begin", "char_end"]
    assert "norm" in t and "lemma" not in t and len(t) == 7
    with pytest.raises(KeyError):
        t["lemma"]
    emoji = tokens[3]
    assert text[emoji.char_begin:emoji.char_end] == "👍🏽"
    assert emoji.end - emoji.begin == len("👍🏽".encode("utf-8"))
    assert "Token(begin=" in repr(t)


def test_tokens_compare_by_value():
    assert kurdi.tokenize("یەک دوو") == kurdi.tokenize("یەک دوو")
    assert kurdi.tokenize("یەک دوو") != kurdi.tokenize("یەک سێ")


def test_sentences():
    text = "د. ئەحمەد هات. ئایا دێیت؟ بەڵێ!\nدوایی"
    s = kurdi.sentences(text)
    assert [x.text for x in s] == ["د. ئەحمەد هات.", "ئایا دێیت؟", "بەڵێ!", "دوایی"]
    assert all(text[x.char_begin:x.char_end] == x.text for x in s)
    assert s[1]["text"] == "ئایا دێیت؟"


def test_morphology():
    assert kurdi.lemma("بەرپرسەکانی") == "بەرپرس"
    assert kurdi.stem("کوردی") == ["کوردی", "کورد"]
    assert kurdi.stem("بەرپرسەکانی", mode="lucene") == ["بەرپرسەک"]  # Lucene's known defect, reproduced
    analyses = kurdi.analyze("بەرپرسەکانی")
    best = analyses[0]
    assert best.lemma == "بەرپرس" and best.known
    assert "".join(m.text for m in best.morphemes) == best.form
    assert [m.tag for m in best.morphemes][-2:] == ["DEF.PL", "EZ"]
    assert best["features"] == best.features and dict(best)["upos"] == best.upos
    unknown = kurdi.analyze("زژڤەکان")
    assert unknown and not unknown[0].known
    assert kurdi.lemmatize("بەرپرسەکانی ئەمریکا، ٢٠٤") == ["بەرپرس", "ئەمریکا", "،", "٢٠٤"]
    assert kurdi.is_stopword("لە") and not kurdi.is_stopword("کوردستان")
    assert kurdi.is_stopword("لە", "analytics")


def test_transliterate():
    assert kurdi.transliterate("سلێمانی") == "silêmanî"
    assert kurdi.transliterate("hêz", "arab") == "هێز"
    assert kurdi.transliterate("شار", scheme="ascii") == "shar"
    assert kurdi.transliterate("کورد", "ipa") != "کورد"


def test_unchanged_text_is_returned_as_is():
    clean = "بەرپرسەکانی ئەمریکا"
    assert kurdi.normalize(clean) is clean
    assert kurdi.normalize_batch([clean])[0] is clean
    assert kurdi.normalize("هێزێكی") == "هێزێکی"


def test_empty_and_whitespace():
    assert kurdi.normalize("") == ""
    assert kurdi.tokenize("") == []
    assert kurdi.tokenize("  \n\t ") == []
    assert kurdi.sentences("") == []
    assert kurdi.normalize_batch([]) == []
    assert kurdi.lemmatize("") == []


@pytest.mark.parametrize("call", [
    lambda: kurdi.tokenize(b"bytes"),
    lambda: kurdi.lemma(b"bytes"),
    lambda: kurdi.tokenize_batch([b"bytes"]),
    lambda: kurdi.normalize(None),
    lambda: kurdi.normalize(bytearray(b"x")),
    lambda: kurdi.tokenize(5),
    lambda: kurdi.lemma(["a"]),
    lambda: kurdi.normalize_batch("a single str"),
    lambda: kurdi.normalize_batch(b"a single bytes"),
    lambda: kurdi.normalize_batch(["ok", 3]),
    lambda: kurdi.normalize_batch(None),
])
def test_type_errors(call):
    with pytest.raises(TypeError):
        call()


def test_type_error_messages():
    with pytest.raises(TypeError, match="text must be str, not bytes"):
        kurdi.tokenize(b"x")
    with pytest.raises(TypeError, match="text must be str or bytes, not NoneType"):
        kurdi.normalize(None)
    with pytest.raises(TypeError, match="not a single str"):
        kurdi.tokenize_batch("abc")
    with pytest.raises(TypeError, match="of str or bytes, not a single bytes"):
        kurdi.normalize_batch(b"abc")
    with pytest.raises(TypeError, match="every item of texts must be str or bytes, not int"):
        kurdi.normalize_batch(["a", 1])
    with pytest.raises(TypeError, match="every item of texts must be str, not bytes"):
        kurdi.sentences_batch([b"a"])


def test_bytes_in_bytes_out():
    texts = ["هێزێكی عێراقي", "بەرپرسەکانی ئەمریکا", "ههموو ڕۆژێك", "", "ok ١٢٣"]
    for profile in ("standard", "search"):
        for t in texts:
            out = kurdi.normalize(t.encode(), profile)
            assert type(out) is bytes and out == kurdi.normalize(t, profile).encode()
        encoded = [t.encode() for t in texts]
        assert kurdi.normalize_batch(encoded, profile) == [kurdi.normalize(t, profile).encode() for t in texts]
    assert kurdi.transliterate("سلێمانی".encode()) == "silêmanî".encode()
    assert kurdi.transliterate_batch(["hêz".encode(), "hêz"], "arab") == ["هێز".encode(), "هێز"]


def test_bytes_results_keep_each_items_type_and_identity():
    clean = "بەرپرسەکانی".encode()
    out = kurdi.normalize_batch([clean, "ك", b"\xd9\x83"])
    assert out[0] is clean
    assert out[1] == "ک" and type(out[1]) is str
    assert out[2] == "ک".encode() and type(out[2]) is bytes
    assert kurdi.normalize(clean) is clean


def test_malformed_utf8_bytes_become_replacement_characters():
    assert kurdi.normalize(b"ab\xffcd") == "ab\ufffdcd".encode()
    assert kurdi.normalize_batch([b"\xd9", b"\xe0\x80"]) == ["\ufffd".encode(), "\ufffd\ufffd".encode()]


@pytest.mark.parametrize("call,message", [
    (lambda: kurdi.normalize("x", "fancy"), "unknown profile 'fancy' \\(allowed: standard, search\\)"),
    (lambda: kurdi.normalize("x", digits="roman"), "unknown digit style 'roman'"),
    (lambda: kurdi.tokenize("x", profile="nope"), "unknown profile 'nope'"),
    (lambda: kurdi.transliterate("x", "cyrl"), "unknown script 'cyrl' \\(allowed: latn, arab, ipa\\)"),
    (lambda: kurdi.transliterate("x", scheme="x"), "unknown scheme 'x'"),
    (lambda: kurdi.stem("x", "porter"), "unknown stem mode 'porter'"),
    (lambda: kurdi.is_stopword("x", "big"), "unknown stopword list 'big'"),
])
def test_value_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_lone_surrogate_is_an_encode_error():
    with pytest.raises(UnicodeEncodeError):
        kurdi.normalize("a\ud800b")
    with pytest.raises(UnicodeEncodeError):
        kurdi.normalize_batch(["ok", "a\udc00"])


def test_non_list_iterables_work_for_batches():
    assert kurdi.normalize_batch(("هێزێكی", "ي")) == ["هێزێکی", "ی"]
    assert kurdi.normalize_batch(x for x in ["ك"]) == ["ک"]


def test_docstrings():
    for name in kurdi.__all__:
        obj = getattr(kurdi, name)
        if callable(obj):
            assert obj.__doc__ and len(obj.__doc__) > 40, name


def stub_names(path):
    tree = ast.parse(pathlib.Path(path).read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def test_stubs_cover_the_module():
    package = pathlib.Path(kurdi.__file__).parent
    stubs = stub_names(package / "_kurdi.pyi")
    missing = [n for n in kurdi.__all__ if n not in stubs]
    assert not missing, f"not in _kurdi.pyi: {missing}"
    public = {n for n in dir(kurdi._kurdi) if not n.startswith("_")} | {"__version__"}
    assert public == set(kurdi.__all__), "kurdi.__all__ and kurdi._kurdi differ"
    assert (package / "py.typed").exists()
    init_stub = (package / "__init__.pyi").read_text(encoding="utf-8")
    for n in kurdi.__all__:
        assert f"    {n},\n" in init_stub, n


def test_stub_signatures_match_runtime():
    """Every function's parameter names in the stub are the ones pybind11 reports."""
    package = pathlib.Path(kurdi.__file__).parent
    tree = ast.parse((package / "_kurdi.pyi").read_text(encoding="utf-8"))
    checked = 0
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            doc_signature = getattr(kurdi, node.name).__doc__.split("\n")[0]
            params = [a.arg for a in node.args.args + node.args.kwonlyargs]
            for p in params:
                assert f"{p}: " in doc_signature, (node.name, p, doc_signature)
            checked += 1
    assert checked >= 15


def test_token_constructor_and_hash():
    t = kurdi.Token(0, 6, "word", "یەک", "یەک", 0, 3)
    assert t == kurdi.tokenize("یەک")[0]
    assert kurdi.Token(begin=0, end=6, type="word", text="یەک", norm="یەک", char_begin=0, char_end=3) == t
    with pytest.raises(TypeError):
        kurdi.Token(0, 6, "word", b"x", "x", 0, 1)
    with pytest.raises(TypeError):
        hash(t)
    with pytest.raises(AttributeError):
        t.begin = 3
    assert kurdi.Token.__module__ == "kurdi" and "UTF-8 byte offsets" in kurdi.Token.__doc__


def test_batches_take_every_kind_of_str():
    """CPython stores str as ASCII, Latin-1, UCS-2 or UCS-4; batches convert
    each to UTF-8 (UCS-2 without the GIL) and agree with the one-text calls."""
    texts = ["ascii only", "café é", "€ هێزێكی ﻛﻮﺭﺩ", "ره\u200cنگ", "😀 هێزێكی", "𝐀 ك", "", "\u07ff\u0800\uffff"]
    fresh = [t.encode("utf-8").decode("utf-8") for t in texts]  # no UTF-8 cached on them
    assert kurdi.normalize_batch(fresh) == [kurdi.normalize(t) for t in texts]
    fresh = [t.encode("utf-8").decode("utf-8") for t in texts]
    assert kurdi.tokenize_batch(fresh) == [kurdi.tokenize(t) for t in texts]
    fresh = [t.encode("utf-8").decode("utf-8") for t in texts]
    assert kurdi.transliterate_batch(fresh) == [kurdi.transliterate(t) for t in texts]


def test_str_subclasses_give_plain_str():
    class Text(str):
        pass

    out = kurdi.normalize(Text("سڵاو"))
    assert type(out) is str and out == "سڵاو"
    assert [type(x) for x in kurdi.normalize_batch([Text("سڵاو"), Text("ك")])] == [str, str]
