"""The spaCy pipeline: components by factory, saved and loaded, and the model's absence."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from extract.models import ModelMissingError, require_pkuseg_model
from extract.nlp import _PKUSEG_FORMAT_NOTICE, COMPONENTS, GazetteerRuler, jieba_words, without_pkuseg_format_notice
from extract.pipeline import PIECE_SIZE, extract_text, text_pieces
from extract.platforms import read_patterns
from extract.text import matching_text
from tests.conftest import SAMPLES


def test_pipeline_has_the_components(nlp) -> None:
    assert tuple(nlp.pipe_names) == COMPONENTS
    assert nlp.tokenizer.segmenter == "pkuseg"


def test_the_pipeline_saves_and_loads_with_spacy_load(nlp, tmp_path: Path) -> None:
    """``nlp.to_disk`` then ``spacy.load``: the factories are registered on import, and every
    component saves its data (gazetteer patterns, tag corrections, grammar, Matcher patterns)."""
    text = matching_text("依托“粤商通”平台搭建招商引资和产业转移平台，深入实施“数字湾区”工程，商务部负责。")
    nlp.to_disk(tmp_path / "pipeline")
    for name in ("policykg_gazetteer/patterns.jsonl", "policykg_pos/corrections.json"):
        assert (tmp_path / "pipeline" / name).is_file()
    assert (tmp_path / "pipeline" / "policykg_platforms" / "patterns.jsonl").read_text(encoding="utf-8").count(
        "\n"
    ) == len(read_patterns())
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    before, after = nlp(text), loaded(text)
    for key in ("platforms", "programmes", "agencies"):
        assert [(s.start, s.end, s.label_, s.id_) for s in after.spans[key]] == [
            (s.start, s.end, s.label_, s.id_) for s in before.spans[key]
        ]
    assert [s.id_ for s in after.spans["platforms"]] == ["粤商通平台", "招商引资和产业转移平台"]
    assert [s.id_ for s in after.spans["programmes"]] == ["数字湾区工程"]
    assert [s.id_ for s in after.spans["agencies"]] == ["CN/mofcom"]


def test_a_missing_model_says_how_to_get_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYKG_PKUSEG_MODEL", str(tmp_path / "nowhere"))
    with pytest.raises(ModelMissingError, match=r"python -m extract\.models"):
        require_pkuseg_model()


def test_a_document_longer_than_the_pipeline_takes_is_read_in_pieces(nlp) -> None:
    """spaCy refuses a text over ``nlp.max_length``; pieces find what one pass finds, at the
    same offsets into the whole text."""
    text = (SAMPLES / "fujian_2021_digital_scrambled.txt").read_text(encoding="utf-8")
    whole = extract_text(text, nlp=nlp)
    limit, nlp.max_length = nlp.max_length, 1_000
    try:
        pieced = extract_text(text, nlp=nlp)
    finally:
        nlp.max_length = limit
    assert len(text) > 5 * 1_000

    def found(extraction) -> tuple[list, list, list]:
        mentions = [(m.kind, m.name, m.start, m.end, m.task) for m in extraction.mentions]
        links = [(mentions[a], mentions[b], verb) for a, b, verb in extraction.platform_links]
        return sorted(mentions), sorted(links), [(t.text, t.start, t.end) for t in extraction.targets]

    assert found(pieced) == found(whole)
    assert len(pieced.of_kind("platform")) > 10 and pieced.of_kind("agency") and pieced.targets
    assert all(text[t.start : t.end] == t.text for t in pieced.targets)


def test_a_text_over_a_million_characters_is_cut_at_line_ends() -> None:
    line = "（一）建设平台，提升服务能力。（责任单位：省数字办）\n"
    text = line * (1_100_000 // len(line))
    pieces = text_pieces(text, min(PIECE_SIZE, 1_000_000))
    assert len(text) > 1_000_000 and len(pieces) > 1
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in itertools.pairwise(pieces))
    assert all(end - start <= PIECE_SIZE and text[end - 1] == "\n" for start, end in pieces)


@pytest.mark.parametrize(
    ("word", "tag"),
    [
        ("黔心通", "nz"),  # a word the dictionary lacks, its last piece a preposition: a name
        ("苏服办", "nz"),  # its last piece a verb: a name
        ("通过", "p"),  # guard: a preposition the dictionary holds keeps its tag
        ("这是", "v"),  # a pronoun and its verb, pkuseg's one word: a verb, no name
        ("该省是", "v"),  # guard: a word with a pronoun opening it is the verb it ends in
        ("街道级", "n"),  # a noun, then a measure: a noun, no quantity
    ],
)
def test_a_word_the_dictionary_lacks_takes_no_function_words_tag(word: str, tag: str) -> None:
    assert jieba_words().tag(word) == tag


def test_the_gazetteer_finds_the_longest_name_that_ends_at_a_word_end() -> None:
    """From each word start the longest name wins, found past a beginning that is no name
    (甲乙丙 begins 甲乙丙丁 only); a name ending inside a word is not found (乙丙 in 乙丙丁戊)."""
    ruler = GazetteerRuler()
    ruler.add_patterns(
        [
            {"label": "PLACE", "pattern": "甲乙", "id": "p1"},
            {"label": "AGENCY", "pattern": "甲乙丙丁", "id": "a1"},
            {"label": "AGENCY", "pattern": "乙丙", "id": "a2"},
            {"label": "PLACE", "pattern": "戊己", "id": "p2"},
        ]
    )
    words = ["甲乙", "丙", "丁", "和", "甲乙", "丙", "戊", "与", "乙丙丁戊", "戊己"]
    doc = ruler(Doc(spacy.blank("zh").vocab, words=words, spaces=[False] * len(words)))
    found = {key: [(span.text, span.id_) for span in doc.spans[key]] for key in ("agencies", "places")}
    assert found == {"agencies": [("甲乙丙丁", "a1")], "places": [("甲乙", "p1"), ("戊己", "p2")]}


def test_loading_pkuseg_shows_no_notice_of_the_model_format_it_expects(capsys: pytest.CaptureFixture[str]) -> None:
    """pkuseg says on every load that it reads features.pkl, the format its wheel ships: a build's
    output should not; anything else it writes is shown, even when the load fails."""
    with pytest.raises(OSError), without_pkuseg_format_notice():
        print(_PKUSEG_FORMAT_NOTICE, file=sys.stderr)
        print("WARNING: weights.npz is damaged", file=sys.stderr)
        raise OSError("no model")
    assert capsys.readouterr().err == "WARNING: weights.npz is damaged\n"
