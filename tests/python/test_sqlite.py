"""The FTS5 tokenizer `kurdi` and the kurdi_* SQL functions in Python's own
sqlite3 connections: importing kurdi registers them, no load_extension."""

import sqlite3
import subprocess
import sys

import kurdi


def test_same_sqlite_library():
    assert kurdi.sqlite_auto_extension
    assert kurdi.sqlite_library_version == sqlite3.sqlite_version


def test_fts5_tokenizer_in_python_sqlite3():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='kurdi')")
    db.executemany("INSERT INTO docs(body) VALUES (?)", [
        ("بەرپرسەکانی ئەمریکا گەیشتن",), ("هێزێكی گەورە",), ("شتێکی تر",)])
    found = db.execute("SELECT body FROM docs WHERE docs MATCH kurdi_query(?)", ("بەرپرس",)).fetchall()
    assert found == [("بەرپرسەکانی ئەمریکا گەیشتن",)]
    found = db.execute("SELECT body FROM docs WHERE docs MATCH kurdi_query(?)", ("hez",)).fetchall()
    assert found == [("هێزێكی گەورە",)]
    assert db.execute("SELECT kurdi_normalize(?)", ("هێزێكی",)).fetchone()[0] == kurdi.normalize("هێزێكی")
    assert db.execute("SELECT kurdi_lemma(?)", ("بەرپرسەکانی",)).fetchone()[0] == kurdi.lemma("بەرپرسەکانی")
    assert kurdi.analyzer_version in db.execute("SELECT kurdi_version()").fetchone()[0]
    db.close()


def test_every_new_connection_gets_it_in_a_fresh_process(tmp_path):
    """In a new interpreter: a connection opened before `import kurdi` lacks
    the tokenizer, one opened after has it, and a file-backed table made
    through Python's sqlite3 is searchable by kurdi.Archive-independent SQL."""
    script = f"""
import sqlite3
before = sqlite3.connect(":memory:")
try:
    before.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='kurdi')")
    print("before: yes")
except sqlite3.OperationalError as e:
    print("before: no:", e)
import kurdi
after = sqlite3.connect({str(tmp_path / 'f.db')!r})
after.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='kurdi')")
after.execute("INSERT INTO t VALUES ('میلیشیاکاندا')")
after.commit()
print("after:", after.execute("SELECT count(*) FROM t WHERE t MATCH kurdi_query('میلیشیا')").fetchone()[0])
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert "before: no: no such tokenizer: kurdi" in out
    assert "after: 1" in out


def test_enable_sqlite_is_idempotent():
    kurdi.enable_sqlite()
    kurdi.enable_sqlite()
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='kurdi')")
    db.close()
