"""The provenance record the data-aware cache keys on: files by content, folders by their list of CSV files."""

from nqpf import provenance


def _record_of_folder(folder):
    provenance._FILES.clear()
    provenance.note_listing(folder)
    provenance.note_file(folder / "a.csv")
    return provenance.inputs()


def test_a_recorded_folder_is_stale_when_a_csv_is_added_or_removed(tmp_path, monkeypatch):
    monkeypatch.setenv("NQPF_ROOT", str(tmp_path))
    folder = tmp_path / "data" / "official"
    folder.mkdir(parents=True)
    (folder / "a.csv").write_text("x\n1\n", encoding="utf-8")
    recorded = _record_of_folder(folder)
    assert provenance.stale_inputs(recorded, tmp_path) == []

    (folder / "b.csv").write_text("x\n2\n", encoding="utf-8")
    assert provenance.stale_inputs(recorded, tmp_path) == ["dir:data/official"]

    (folder / "b.csv").unlink()
    assert provenance.stale_inputs(recorded, tmp_path) == []
    (folder / "a.csv").unlink()
    assert sorted(provenance.stale_inputs(recorded, tmp_path)) == ["data/official/a.csv", "dir:data/official"]


def test_a_recorded_file_is_stale_when_one_byte_changes_and_not_when_it_is_rewritten_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("NQPF_ROOT", str(tmp_path))
    folder = tmp_path / "data" / "official"
    folder.mkdir(parents=True)
    (folder / "a.csv").write_text("x\n1\n", encoding="utf-8")
    recorded = _record_of_folder(folder)
    (folder / "a.csv").write_text("x\n1\n", encoding="utf-8")
    assert provenance.stale_inputs(recorded, tmp_path) == []
    (folder / "a.csv").write_text("x\n7\n", encoding="utf-8")
    assert provenance.stale_inputs(recorded, tmp_path) == ["data/official/a.csv"]


def test_an_other_text_file_than_csv_does_not_change_a_folder_listing(tmp_path):
    (tmp_path / "a.csv").write_text("x\n", encoding="utf-8")
    before = provenance.listing_hash(tmp_path)
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    assert provenance.listing_hash(tmp_path) == before
