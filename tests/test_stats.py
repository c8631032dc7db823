"""stats.yaml: figures over every record, small cells suppressed."""

import yaml
from exports import default_rows, suggestion, write_export

from pipeline.stats import suppress


def test_suppress():
    assert [suppress(n, 5) for n in (0, 1, 4, 5, 6)] == [0, "<5", "<5", 5, 6]
    assert suppress(2, 3) == "<3"


def stats_of(cli, tmp_path, rows, *extra):
    out = tmp_path / "out"
    status, _, err = cli("export", "--input", write_export(tmp_path / "in", rows), "--out", out, *extra)
    assert status == 0, err
    return yaml.safe_load((out / "stats.yaml").read_text(encoding="utf-8"))


def test_figures_over_all_records_with_suppression(cli, tmp_path):
    rows = default_rows()
    rows["suggestions"] = (
        [suggestion(n, **{"征集渠道": "市委社会工作部微信留言板"}) for n in range(1, 7)]
        + [suggestion(n, **{"办理结果": "不予采纳"}) for n in range(7, 10)]
        + [
            suggestion(n, **{"办理结果": "办理中", "当前环节": "督办", "转化日期": "", "反馈日期": "", "展示日期": ""})
            for n in range(10, 16)
        ]
    )
    stats = stats_of(cli, tmp_path, rows)
    assert stats["synthetic"] is False
    assert stats["suppression_threshold"] == 5
    assert stats["totals"] == {"received": 15, "adopted": 6, "published": 6, "withdrawn": 0, "commendations": "<5"}
    assert stats["by_year"] == {"2024": {"received": 15, "adopted": 6, "published": 6}}
    assert stats["by_channel"]["市委社会工作部微信留言板"] == {"received": 6, "adopted": 6, "published": 6}
    assert stats["by_channel"]["家门口党群服务中心"] == {"received": 9, "adopted": 0, "published": 0}
    assert stats["by_channel"]["面对面交流活动"] == {"received": 0, "adopted": 0, "published": 0}
    assert list(stats["by_district"])[:2] == ["鼓楼区", "云龙区"]
    assert stats["by_campaign"]["无专项活动"]["received"] == 15
    assert stats["by_decision"] == {"采纳": 6, "部分采纳": 0, "留作参考": 0, "不予采纳": "<5", "办理中": 6}
    assert stats["funnel"] == {"征集": 15, "报送": 15, "督办": 15, "转化": 9, "反馈": 9, "展示": 9, "褒奖": 0}
    # 03-05 -> 03-08 -> 03-20 -> 04-15 -> 05-06 -> 05-20 in every dated record.
    assert stats["median_days"] == {"报送": 3.0, "督办": 12.0, "转化": 26.0, "反馈": 21.0, "展示": 14.0, "褒奖": None}


def test_threshold_is_configurable(cli, tmp_path):
    stats = stats_of(cli, tmp_path, default_rows(), "--k", "2")
    assert stats["suppression_threshold"] == 2
    assert stats["totals"]["received"] == 2
    assert stats["totals"]["commendations"] == "<2"


def test_synthetic_flag_comes_from_dataset_file(cli, tmp_path):
    folder = write_export(tmp_path / "in")
    (folder / "dataset.yaml").write_text("synthetic: true\n", encoding="utf-8")
    out = tmp_path / "out"
    assert cli("export", "--input", folder, "--out", out)[0] == 0
    assert yaml.safe_load((out / "stats.yaml").read_text(encoding="utf-8"))["synthetic"] is True
