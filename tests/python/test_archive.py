"""kurdi.Archive: the archive of docs/archive.md from Python, and the same
file read and written by the kurdi program."""

import json
import hashlib
import multiprocessing
import pathlib
import pickle
import sqlite3
import subprocess

import pytest

import kurdi
from conftest import ROOT

SEEDS = sorted((ROOT / "samples" / "seeds").glob("*.txt"))

DOCS = [
    {"id": "j1", "title": "هێزی ئەمریکا", "body": "ئەمریکا هێزێكی گەورەی هەیە لە ناوچەکەدا.", "source": "k24",
     "date": "2021-05-02", "url": "https://example.org/j1"},
    {"id": "j2", "title": "کۆبوونەوە", "body": "بەرپرسەکانی عێراق و ئەمریکا کۆبوونەوە.", "source": "rudaw",
     "date": "2021-07-26"},
    {"id": "j3", "title": "سلێمانی", "body": "شاری سلێمانی لە باشووری کوردستانە.", "source": "k24"},
]


@pytest.fixture
def archive(tmp_path):
    with kurdi.Archive(tmp_path / "news.db") as a:
        for d in DOCS:
            a.add(d)
    return tmp_path / "news.db"


def test_add_search_and_fields(archive):
    a = kurdi.Archive(archive, read_only=True)
    assert len(a) == 3
    hits = a.search("بەرپرس")
    assert [h.id for h in hits] == ["j2"]
    hit = hits[0]
    assert "<mark>بەرپرسەکانی</mark>" in hit.snippet
    assert hit["source"] == hit.source == "rudaw" and hit.date == "2021-07-26"
    assert hit.score > 0 and dict(hit)["title"] == "کۆبوونەوە"
    assert hits.message == ""
    # Spelling variants and Latin letters find Arabic-script text.
    assert [h.id for h in a.search("هێز")] == ["j1"]
    assert [h.id for h in a.search("hez")] == ["j1"]
    assert [h.id for h in a.search("slemani")] == ["j3"]
    assert [h.id for h in a.search("ئەمریکا", source="k24")] == ["j1"]
    assert [h.id for h in a.search("ئەمریکا", date_from="2021-06-01")] == ["j2"]
    assert sorted(h.id for h in a.search("ئەمریکا", limit=5)) == ["j1", "j2"]
    assert len(a.search("ئەمریکا", limit=1)) == 1
    none = a.search("-ئەمریکا")
    assert len(none) == 0 and not none and "exclusions only" in none.message
    a.close()
    assert a.closed
    with pytest.raises(ValueError, match="closed archive"):
        a.search("x")


def test_outcomes_duplicates_and_delete(tmp_path):
    with kurdi.Archive(str(tmp_path / "a.db")) as a:
        r = a.add(id="x", body="یەکەم دەق لێرەدایە.")
        assert r == {"outcome": "added", "duplicate_of": None, "near_duplicate_of": None, "near_distance": 0}
        assert a.add(id="x", body="یەکەم دەق لێرەدایە.")["outcome"] == "unchanged"
        assert a.add({"id": "x"}, body="دەقی نوێ.")["outcome"] == "updated"
        assert a.add(id="y", body="دەقی نوێ.")["duplicate_of"] == "x"
        reports = a.add_many([{"id": "z1", "body": "سێیەم"}, {"id": "z2", "body": "چوارەم"}])
        assert [r["outcome"] for r in reports] == ["added", "added"]
        a.commit()
        assert a.delete(["y", "missing"]) == ["missing"]
        assert a.delete("z1") == []
        assert [d["id"] for d in a.documents()] == ["x", "z2"]
        assert a.documents()[0] == {"id": "x", "title": "", "body": "دەقی نوێ.", "source": "", "url": "",
                                    "date": "", "language": "ckb"}
        stats = a.stats()
        assert stats["documents"] == 2 and stats["analyzer_version"] == kurdi.analyzer_version
        assert stats["current_analyzer_version"] == kurdi.analyzer_version and not stats["reindex_required"]
        assert not stats["optimized"] and not stats["block_bounds"]  # a delete drops the bounds
        assert a.check() == []
        hits = [(h.id, h.score) for h in a.search("دەق").hits]
        a.optimize()
        stats = a.stats()
        assert (stats["optimized"], stats["index_segments"], stats["block_bounds"]) == (True, 1, True)
        assert [(h.id, h.score) for h in a.search("دەق").hits] == hits and hits
        a.add(id="w", body="دەقێکی تر.")
        a.commit()
        stats = a.stats()  # an added document leaves the bounds in use
        assert (stats["optimized"], stats["block_bounds"], stats["documents_since_optimize"]) == (False, True, 1)
        assert "w" in [h.id for h in a.search("دەق").hits]


def test_add_many_stores_only_the_last_document_of_an_id(cli, tmp_path):
    # As `kurdi index` does within a batch: the earlier document of an id
    # given twice is never written, so the same documents again write nothing
    # (stored in turn, both were written each time: "updated" twice, and the
    # block bounds dropped).
    docs = [{"id": "a", "body": "یەکەم دەق لێرەدایە."}, {"id": "b", "body": "باران بارییە سەر شار."},
            {"id": "a", "body": "دووەم دەق."}]
    with kurdi.Archive(tmp_path / "a.db") as a:
        reports = a.add_many(docs)
        assert [r["outcome"] for r in reports] == ["superseded", "added", "added"]
        assert reports[0] == {"outcome": "superseded", "duplicate_of": None, "near_duplicate_of": None,
                              "near_distance": 0}
        a.commit()
        a.optimize()
        assert [r["outcome"] for r in a.add_many(docs)] == ["superseded", "unchanged", "unchanged"]
        a.commit()
        stats = a.stats()
        assert (stats["documents"], stats["block_bounds"], stats["optimized"]) == (2, True, True)
        stored = a.documents()
    # The same documents through `kurdi index`: the same archive.
    (tmp_path / "docs.jsonl").write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs),
                                         encoding="utf-8")
    cli(["index", str(tmp_path / "b.db"), str(tmp_path / "docs.jsonl")])
    assert kurdi.Archive(tmp_path / "b.db", read_only=True).documents() == stored
    assert [d["body"] for d in stored] == ["دووەم دەق.", "باران بارییە سەر شار."]


def test_with_block_rolls_back_on_error(tmp_path):
    path = tmp_path / "r.db"
    with kurdi.Archive(path) as a:
        a.add(id="kept", body="ئەم دەقە دەمێنێت.")
    with pytest.raises(RuntimeError):
        with kurdi.Archive(path) as a:
            a.add(id="lost", body="ئەم دەقە نامێنێت.")
            raise RuntimeError("boom")
    assert [d["id"] for d in kurdi.Archive(path, read_only=True).documents()] == ["kept"]


def test_rollback(tmp_path):
    a = kurdi.Archive(tmp_path / "b.db")
    a.add(id="1", body="یەک")
    a.rollback()
    assert len(a) == 0
    a.add(id="2", body="دوو")
    a.close()  # an uncommitted batch is rolled back
    assert len(kurdi.Archive(tmp_path / "b.db", read_only=True)) == 0


@pytest.mark.parametrize("doc,message", [
    ({"body": "x"}, "non-empty 'id'"),
    ({"id": "a"}, "has no 'body'"),
    ({"id": "a", "body": "x", "date": "2021-02-30"}, "not a YYYY-MM-DD calendar date"),
    ({"id": "a", "body": "x", "author": "me"}, "unknown document field 'author'"),
])
def test_bad_documents(tmp_path, doc, message):
    with kurdi.Archive(tmp_path / "c.db") as a:
        with pytest.raises(ValueError, match=message):
            a.add(doc)
        with pytest.raises(TypeError):
            a.add({"id": "a", "body": b"bytes"})
        with pytest.raises(ValueError, match="not a YYYY-MM-DD date"):
            a.search("x", date_from="yesterday")


def test_archive_errors(tmp_path):
    with pytest.raises(kurdi.ArchiveError) as e:
        kurdi.Archive(tmp_path / "missing.db", read_only=True)
    assert e.value.kind == "not_found"
    with pytest.raises(kurdi.ArchiveError) as e:
        kurdi.Archive(tmp_path / "missing.db", create=False)
    assert e.value.kind == "not_found"
    not_archive = tmp_path / "notes.txt"
    not_archive.write_text("just text, not SQLite\n" * 100)
    with pytest.raises(kurdi.ArchiveError) as e:
        kurdi.Archive(not_archive)
    assert e.value.kind == "not_an_archive"
    assert "not_found" in kurdi.ArchiveError.__doc__


def test_an_archive_of_another_analyzer_opens_for_stats(cli, archive):
    # As after an upgrade of kurdi: the index was made by another analyzer.
    db = sqlite3.connect(archive)
    db.execute("UPDATE meta SET value = '0.0.1+old' WHERE key = 'analyzer_version'")
    db.commit()
    db.close()
    a = kurdi.Archive(archive, read_only=True)
    stats = a.stats()
    assert (stats["reindex_required"], stats["analyzer_version"]) == (True, "0.0.1+old")
    assert stats["current_analyzer_version"] == kurdi.analyzer_version
    assert json.loads(cli(["stats", str(archive), "--json"]))["reindex_required"] is True  # as the CLI says
    assert [d["id"] for d in a.documents()] == ["j1", "j2", "j3"] and len(a) == 3
    # What reads the index still refuses, with the message of `kurdi search`.
    with pytest.raises(kurdi.ArchiveError, match=r"reindex required \(run `kurdi reindex .*news\.db`\)") as e:
        a.search("بەرپرس")
    assert e.value.kind == "reindex_required"
    a.close()
    # Opened for writing: nothing is stored with the other analyzer's index;
    # reindex() makes it searchable, as `kurdi reindex` does.
    with kurdi.Archive(archive) as w:
        for write in (lambda: w.add(id="j4", body="دەقێکی نوێ."), lambda: w.delete("j1"), w.optimize):
            with pytest.raises(kurdi.ArchiveError) as e:
                write()
            assert e.value.kind == "reindex_required"
        w.reindex()
        assert not w.stats()["reindex_required"]
        assert [h.id for h in w.search("بەرپرس")] == ["j2"]
        assert w.add(id="j4", body="دەقێکی نوێ.")["outcome"] == "added"


def test_stats_keys_are_the_stubs(archive):
    import ast
    stub = ast.parse((pathlib.Path(kurdi.__file__).parent / "_kurdi.pyi").read_text(encoding="utf-8"))
    (fields,) = [[n.target.id for n in c.body if isinstance(n, ast.AnnAssign)]
                 for c in stub.body if isinstance(c, ast.ClassDef) and c.name == "ArchiveStats"]
    assert list(kurdi.Archive(archive, read_only=True).stats()) == fields


def test_an_archive_of_an_older_schema_is_read_as_it_is(archive):
    # Version 2, as an earlier kurdi left it (SimHash, no postings).
    db = sqlite3.connect(archive)
    db.executescript("DROP TABLE near_signatures; DROP TABLE minhash_bands; "
                     "ALTER TABLE documents ADD COLUMN simhash INTEGER; "
                     "CREATE TABLE simhash_bands(band INTEGER NOT NULL, doc INTEGER NOT NULL, "
                     "PRIMARY KEY(band, doc)) WITHOUT ROWID; "
                     "DROP TABLE term_postings; DROP TABLE document_lengths; "
                     "DELETE FROM meta WHERE key = 'postings'; PRAGMA user_version = 2;")
    db.close()  # (its WAL checkpointed into the file, whose bytes are compared)
    before = hashlib.sha256(archive.read_bytes()).hexdigest()
    a = kurdi.Archive(archive, read_only=True)
    assert (a.stats()["schema_version"], len(a.documents())) == (2, 3)
    assert a.check() == [f"the older schema version 2 (this kurdi has 4), checked as it is: "
                         f"run `kurdi reindex {archive}` to upgrade it"]
    stats = a.stats()
    assert (stats["schema_version"], stats["current_schema_version"], stats["reindex_required"]) == (2, 4, True)
    assert stats["analyzer_version"] == stats["current_analyzer_version"]  # the schema alone asks for it
    with pytest.raises(kurdi.ArchiveError, match="older schema version 2") as e:
        a.search("بەرپرس")
    assert e.value.kind == "older_schema"
    a.close()
    assert hashlib.sha256(archive.read_bytes()).hexdigest() == before


def test_an_archive_of_a_newer_schema_is_refused(archive):
    db = sqlite3.connect(archive)
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    for read_only in (True, False):
        with pytest.raises(kurdi.ArchiveError, match="made by a newer kurdi") as e:
            kurdi.Archive(archive, read_only=read_only)
        assert e.value.kind == "newer_schema"


# Takes a current archive back to schema 3, as version 3's migrations left it
# (SimHash, its bands empty; tests/archive's kBackToSchema3): opened for
# writing, it is upgraded, reading every body for its MinHash signature.
BACK_TO_SCHEMA_3 = ("DROP TABLE near_signatures; DROP TABLE minhash_bands; "
                    "ALTER TABLE documents ADD COLUMN simhash INTEGER; "
                    "CREATE TABLE simhash_bands(band INTEGER NOT NULL, doc INTEGER NOT NULL, "
                    "PRIMARY KEY(band, doc)) WITHOUT ROWID; PRAGMA user_version = 3;")
UPGRADE_DOCUMENTS = 2500  # more than the 1000 documents between two calls


@pytest.fixture
def schema_3(tmp_path):
    path = tmp_path / "old.db"
    with kurdi.Archive(path) as a:
        a.add_many({"id": f"d{i}", "body": f"بەرپرسەکانی عێراق و ئەمریکا کۆبوونەوە {i}."}
                   for i in range(UPGRADE_DOCUMENTS))
    db = sqlite3.connect(path)
    db.executescript(BACK_TO_SCHEMA_3)
    db.close()
    return path


def schema_of(path):
    """The schema version and whether the MinHash tables are there, read with
    sqlite3 (not kurdi, which could upgrade the file)."""
    db = sqlite3.connect(path)
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
        return version, "near_signatures" in tables
    finally:
        db.close()


def test_upgrade_progress_is_called_while_an_older_schema_is_upgraded(schema_3):
    assert schema_of(schema_3) == (3, False)
    calls = []
    with kurdi.Archive(schema_3, upgrade_progress=lambda done, total: calls.append((done, total))) as a:
        assert a.stats()["schema_version"] == a.stats()["current_schema_version"] == 4
        assert a.check() == [] and len(a) == UPGRADE_DOCUMENTS
        assert len(a.search("بەرپرس", limit=5)) == 5
    assert schema_of(schema_3) == (4, True)
    assert calls[0] == (0, UPGRADE_DOCUMENTS) and calls[-1] == (UPGRADE_DOCUMENTS, UPGRADE_DOCUMENTS)
    assert all(type(done) is int and type(total) is int for done, total in calls)
    assert {total for _, total in calls} == {UPGRADE_DOCUMENTS}
    dones = [done for done, _ in calls]
    assert dones == sorted(dones) and (1000, UPGRADE_DOCUMENTS) in calls and (2000, UPGRADE_DOCUMENTS) in calls
    # Nothing left to upgrade: never called.
    calls.clear()
    kurdi.Archive(schema_3, upgrade_progress=lambda done, total: calls.append((done, total))).close()
    assert calls == []


def test_an_exception_from_upgrade_progress_rolls_the_upgrade_back(schema_3):
    class Stop(Exception):
        pass

    stop = Stop("enough")
    calls = []

    def progress(done, total):
        calls.append(done)
        if done >= 1000:  # half way: signatures of 1000 documents were written
            raise stop

    with pytest.raises(Stop) as e:
        kurdi.Archive(schema_3, upgrade_progress=progress)
    assert e.value is stop and calls == [0, 1000]
    # The upgrade's transaction was rolled back: still schema 3, refused
    # read-only for search and read as it is.
    assert schema_of(schema_3) == (3, False)
    with pytest.raises(kurdi.ArchiveError) as e:
        kurdi.Archive(schema_3, read_only=True).search("بەرپرس")
    assert e.value.kind == "older_schema"
    a = kurdi.Archive(schema_3, read_only=True)
    assert a.stats()["schema_version"] == 3 and len(a) == UPGRADE_DOCUMENTS
    a.close()
    # A BaseException (Ctrl-C while upgrading) is passed on as well.
    def interrupt(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        kurdi.Archive(schema_3, upgrade_progress=interrupt)
    assert schema_of(schema_3) == (3, False)
    # Opened again, it upgrades as if nothing had happened.
    calls.clear()
    with kurdi.Archive(schema_3, upgrade_progress=lambda done, total: calls.append(done)) as a:
        assert a.check() == [] and len(a) == UPGRADE_DOCUMENTS
    assert calls[0] == 0 and calls[-1] == UPGRADE_DOCUMENTS
    assert schema_of(schema_3) == (4, True)


def test_upgrade_progress_must_be_callable(schema_3, tmp_path):
    for bad in (42, "print", [print]):
        with pytest.raises(TypeError, match="upgrade_progress must be callable or None, not"):
            kurdi.Archive(schema_3, upgrade_progress=bad)
        # refused before the archive is opened: neither upgraded nor created
        assert schema_of(schema_3) == (3, False)
        with pytest.raises(TypeError):
            kurdi.Archive(tmp_path / "new.db", upgrade_progress=bad)
        assert not (tmp_path / "new.db").exists()
    with pytest.raises(TypeError):
        kurdi.Archive(schema_3, None, upgrade_progress=None)  # keyword-only
    kurdi.Archive(tmp_path / "new.db", upgrade_progress=None).close()  # None: the default


def test_upgrade_progress_is_not_called_read_only(schema_3):
    calls = []
    a = kurdi.Archive(schema_3, read_only=True, upgrade_progress=lambda done, total: calls.append(done))
    assert a.stats()["schema_version"] == 3 and len(a.documents()) == UPGRADE_DOCUMENTS
    a.close()
    assert calls == [] and schema_of(schema_3) == (3, False)


def test_archive_stub_signature_matches_runtime():
    import ast
    stub = ast.parse((pathlib.Path(kurdi.__file__).parent / "_kurdi.pyi").read_text(encoding="utf-8"))
    (archive,) = [c for c in stub.body if isinstance(c, ast.ClassDef) and c.name == "Archive"]
    (init,) = [f for f in archive.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"]
    signature = kurdi.Archive.__init__.__doc__.split("\n")[0]
    assert [a.arg for a in init.args.kwonlyargs] == ["create", "read_only", "upgrade_progress"]
    for name in [a.arg for a in init.args.args[1:] + init.args.kwonlyargs]:
        assert f"{name}: " in signature, (name, signature)


def search_ids(archive_pickle, query):
    archive = pickle.loads(archive_pickle)
    return [h.id for h in archive.search(query)]


def test_pickled_archive_reopens_in_workers(archive):
    a = kurdi.Archive(archive, read_only=True)
    data = pickle.dumps(a)
    back = pickle.loads(data)
    assert back.path == a.path and back.read_only
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        results = pool.starmap(search_ids, [(data, "بەرپرس"), (data, "hez")])
    assert results == [["j2"], ["j1"]]


def test_search_result_pickles_and_bad_arguments_say_so(archive, tmp_path):
    a = kurdi.Archive(archive, read_only=True)
    result = a.search("بەرپرس")
    back = pickle.loads(pickle.dumps(result))
    assert [h.id for h in back] == ["j2"] and back.message == result.message
    with pytest.raises(TypeError, match="query must be str, not NoneType"):
        a.search(None)
    with pytest.raises(TypeError, match="not bytes"):
        a.search(b"x")
    with pytest.raises(UnicodeEncodeError):
        a.search("\ud800")
    # as open() does: SQLite would open the path up to the NUL
    with pytest.raises(ValueError, match="embedded null byte"):
        kurdi.Archive(str(tmp_path / "x\0y.db"))
    assert not (tmp_path / "x").exists()


def test_threads_share_an_archive(archive):
    import concurrent.futures
    a = kurdi.Archive(archive, read_only=True)
    queries = ["بەرپرس", "هێز", "slemani", "ئەمریکا"] * 25
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda q: [h.id for h in a.search(q)], queries))
    assert results == [[h.id for h in a.search(q)] for q in queries]


def test_cli_reads_a_python_archive(cli, archive):
    out = cli(["search", str(archive), "بەرپرس", "--json"])
    cli_hits = [json.loads(l) for l in out.split("\n") if l]
    py_hits = kurdi.Archive(archive, read_only=True).search("بەرپرس")
    assert [h["id"] for h in cli_hits] == [h.id for h in py_hits]
    assert [h["snippet"] for h in cli_hits] == [h.snippet for h in py_hits]
    assert "3 documents" in cli(["stats", str(archive)]) or "3" in cli(["stats", str(archive), "--json"])


def test_python_reads_a_cli_archive(cli, tmp_path):
    path = tmp_path / "cli.db"
    proc = subprocess.run([cli.path, "index", str(path), *map(str, SEEDS)], capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    a = kurdi.Archive(path, read_only=True)
    for query in ["بەرپرسەکان", "kurdistan", "هێز", '"ئەمریکا و"', "میلیشیا*", "عێراق OR ئێران"]:
        out = cli(["search", str(path), query, "--json", "--limit", "20"])
        cli_hits = [json.loads(l) for l in out.split("\n") if l]
        py_hits = a.search(query, limit=20)
        assert [(h["id"], h["snippet"]) for h in cli_hits] == [(h.id, h.snippet) for h in py_hits], query
