"""Chart labels wrap to fit the 320-unit chart instead of running past its edge."""

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from plugins.showcase.chart_rows import FONT_SIZE, LINE, ROW, chart_rows, label_lines, text_width

LONG_UNIT = "People's Suggestions Office of the Municipal Government"
URL = "https://example.org/" + "a" * 200


def _fits(lines, width):
    return all(text_width(line) <= width or len(line) == 1 for line in lines)


def test_short_label_stays_one_line():
    assert label_lines("Transport", 200) == ["Transport"]
    assert label_lines("交通出行", 200) == ["交通出行"]


def test_long_english_label_breaks_at_spaces():
    lines = label_lines(LONG_UNIT, 200)
    assert len(lines) > 1
    assert _fits(lines, 200)
    assert " ".join(lines) == LONG_UNIT


def test_unbroken_url_is_cut_inside_the_word():
    lines = label_lines(URL, 200)
    assert len(lines) > 1
    assert _fits(lines, 200)
    assert "".join(lines) == URL


def test_cjk_breaks_between_characters():
    text = "市政府人民建议征集办公室会同市住房和城乡建设局"
    lines = label_lines(text, 8 * FONT_SIZE)
    assert all(len(line) <= 8 for line in lines)
    assert "".join(lines) == text


def test_escaped_markup_is_measured_as_plain_text():
    layout = chart_rows([Markup("Women&#39;s Federation &lt;5")], [Markup("3")], 320)
    assert layout.rows[0].lines[0][1] == "Women's Federation <5"


def test_each_extra_line_moves_the_next_row_down():
    layout = chart_rows([LONG_UNIT, "Roads"], ["12", "3"], 320)
    first, second = layout.rows
    extra = LINE * (len(first.lines) - 1)
    assert len(first.lines) > 1
    assert second.baseline - first.baseline == ROW + extra
    assert layout.height == 2 * ROW + extra
    assert first.bar > first.lines[-1][0]


@given(
    st.text(alphabet=st.sampled_from("ab Z9-电梯減負 \u3000éﬁ"), max_size=120), st.integers(min_value=40, max_value=320)
)
def test_lines_fit_and_keep_every_visible_character(text, width):
    lines = label_lines(text, width)
    assert _fits(lines, width)
    assert "".join("".join(lines).split()) == "".join(text.split())
