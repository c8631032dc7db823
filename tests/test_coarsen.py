"""Who the proposer is in public: coarsened until k records share it."""

from collections import Counter

from pipeline.coarsen import coarsen, recipient_label


def record(kind="教师", district="泉山区", received="2024-03-05", special=False):
    return {"proposer_type": kind, "district": district, "received_on": received, "special_collector": special}


def labels(records, vocabulary, k=3):
    return [(p.label, p.period, p.level) for p in coarsen(records, vocabulary, k)]


def test_common_combination_is_shown_as_recorded(vocabulary):
    assert labels([record()] * 3, vocabulary) == [("教师 · 泉山区", "2024-03", 0)] * 3


def test_place_first(vocabulary):
    records = [record(), record(district="鼓楼区"), record(district="丰县")]
    assert labels(records, vocabulary) == [("教师 · 徐州市", "2024-03", 1)] * 3


def test_then_type_to_its_group(vocabulary):
    records = [record(), record(kind="媒体记者", district="鼓楼区"), record(district="丰县")]
    assert labels(records, vocabulary) == [("媒体和教育工作者 · 徐州市", "2024-03", 2)] * 3


def test_then_month_to_year_and_special_flag_counts(vocabulary):
    records = [record(), record(received="2024-07-01"), record(received="2024-11-30"), record(special=True)]
    assert labels(records, vocabulary) == [("媒体和教育工作者 · 徐州市", "2024", 3)] * 4


def test_coarsest_level_is_kept_when_still_rare(vocabulary):
    [shown] = coarsen([record(kind="政协委员")], vocabulary, 5)
    assert (shown.type, shown.group, shown.district, shown.period) == (None, "人大代表、政协委员", None, "2024")


def test_recipient_labels(vocabulary):
    groups = vocabulary.type_groups
    counts = Counter({("教师", "泉山区"): 1, ("教师", None): 5, ("政协委员", "丰县"): 1, ("政协委员", None): 1})
    assert recipient_label("教师", "泉山区", True, counts, 5, groups) == "教师 · 泉山区"
    assert recipient_label("教师", "泉山区", False, counts, 5, groups) == "教师 · 徐州市"
    assert recipient_label("政协委员", "丰县", False, counts, 5, groups) == "人大代表、政协委员 · 徐州市"


def flags(records, vocabulary, k=3):
    return [(p.level, p.type, p.special_collector) for p in coarsen(records, vocabulary, k)]


def test_collector_flag_is_shown_where_k_records_share_it(vocabulary):
    records = [record(special=True)] * 3 + [record(kind="媒体记者", district="鼓楼区", special=True)] * 2
    assert flags(records, vocabulary) == [(0, "教师", True)] * 3 + [(2, None, True)] * 2


def test_collector_flag_is_withheld_in_a_rare_cell_of_the_last_level(vocabulary):
    """3 non-collectors and 1 collector share group and year only: the flag would single the
    collector out, so it is withheld from all four (a withheld flag tells neither)."""
    records = [record(), record(received="2024-07-01"), record(received="2024-11-30"), record(special=True)]
    assert flags(records, vocabulary) == [(3, None, None)] * 4
    # With k records on each side of the flag in that cell, the flag is shown.
    records += [record(received="2024-08-01", special=True), record(received="2024-09-01", special=True)]
    assert flags(records, vocabulary) == [(3, None, False)] * 3 + [(3, None, True)] * 3
