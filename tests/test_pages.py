"""Each page reads only what it shows: a chapter that names its statistics files gives the verdicts the whole
register gives its claims, and the pages showing the whole register read the shared artifact, not the data."""

from __future__ import annotations

import pandas as pd
import pytest

from nqpf import engine
from nqpf.book import chapters, facts, register
from nqpf.evidence import Context


@pytest.mark.parametrize("stem", sorted(chapters.CHAPTERS))
def test_a_chapter_reading_only_its_own_files_gives_the_registers_verdicts(stem):
    own = facts.chapter_card(stem, Context(statistics=chapters.CHAPTERS[stem].statistics))
    whole = engine.scorecard(Context())
    expected = whole[whole["notebook"] == stem].reset_index(drop=True)
    columns = ["id", "verdict", "basis", "replicated", "reason"]
    pd.testing.assert_frame_equal(own[columns].reset_index(drop=True), expected[columns])
    assert len(own) > 0


def test_the_shared_register_is_the_engines_and_its_digest_ignores_a_process(tmp_path, monkeypatch):
    register.refresh()
    card = register.load()
    assert register.content_digest(card) == register.content_digest(engine.scorecard(Context()))
    assert (register.folder() / "register.sha256").read_text() == register.content_digest(card)
