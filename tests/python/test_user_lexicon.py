"""kurdi.Analyzer: a user lexicon, with the results of the CLI's --user-lexicon."""

import pickle

import pytest

import kurdi
from conftest import sample_lines

LEXICON = "# a newsroom's words\nمیلیشیا\tNOUN\nفێسبووک\tPROPN\t500\nلایککردن\tVERB\tلایککرد\tلایککە\tلایک\n"
LINES = sample_lines(include_lid=False)[:300] + [
    "فێسبووکەکەی میلیشیاکاندا لایکیانکرد", "لایککردنەکان و فێسبووکەکان", "دەیلایککەن"]


@pytest.fixture(scope="module")
def lexicon_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("lex") / "newsroom.tsv"
    path.write_text(LEXICON, encoding="utf-8")
    return path


def cli_lines(cli, args, lines):
    return cli(args, "\n".join(lines) + "\n").split("\n")[:-1]


def test_lemma_and_stem_equal_cli(cli, lexicon_file):
    a = kurdi.Analyzer(lexicon_file)
    expected = cli_lines(cli, ["lemma", "--user-lexicon", str(lexicon_file)], LINES)
    assert [" ".join(a.lemmatize(l)) for l in LINES] == expected
    assert [" ".join(x) for x in a.lemmatize_batch(LINES)] == expected
    expected = cli_lines(cli, ["stem", "--user-lexicon", str(lexicon_file)], LINES)
    got = [" ".join("|".join(a.stem(t.norm)) if t.type == "word" else t.norm for t in kurdi.tokenize(l)) for l in LINES]
    assert got == expected
    words = [t.norm for l in LINES for t in kurdi.tokenize(l) if t.type == "word"]
    assert a.lemma_batch(words) == [a.lemma(w) for w in words]
    assert a.stem_batch(words) == [a.stem(w) for w in words]


def test_the_lexicon_changes_results_and_version(lexicon_file):
    a = kurdi.Analyzer(lexicon_file)
    assert a.lemma("لایکیانکرد") == "لایککردن" != kurdi.lemma("لایکیانکرد")
    assert a.analyze("فێسبووکەکەی")[0].upos == "PROPN"
    assert a.analyzer_version == f"{kurdi.analyzer_version}+user.{a.lexicon_hash}"
    assert a.lexicon_size == 3 and a.name == str(lexicon_file)
    same = kurdi.Analyzer(text=LEXICON.replace("# a newsroom's words\n", ""))
    assert same.analyzer_version == a.analyzer_version  # comments do not count


def test_pickle_and_errors(lexicon_file):
    a = kurdi.Analyzer(lexicon_file)
    b = pickle.loads(pickle.dumps(a))
    assert b.analyzer_version == a.analyzer_version and b.lemma("لایکیانکرد") == "لایککردن"
    with pytest.raises(ValueError, match="my.tsv:2: .*NONE"):
        kurdi.Analyzer(text="میلیشیا\tNOUN\nوشە\tNONE\n", name="my.tsv")
    with pytest.raises(FileNotFoundError):
        kurdi.Analyzer("/nonexistent/lexicon.tsv")
    with pytest.raises(TypeError, match="exactly one"):
        kurdi.Analyzer()
