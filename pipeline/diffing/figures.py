"""How the programme's figures in stats.yaml move: the headline totals (the
ones on the home page) old → new with the difference, the settings that
change what the site shows, and how many figures moved in each table."""

from __future__ import annotations

from dataclasses import dataclass, field

TOTALS = {
    "received": "收到建议", "adopted": "采纳（含部分采纳）", "published": "公开展示",
    "withdrawn": "撤回", "commendations": "获得褒奖",
}  # fmt: skip
SETTINGS = {"synthetic": "示例数据（网站显示演示提示）", "suppression_threshold": "小数不公开的阈值 k"}
TABLES = {
    "by_year": "按年份", "by_campaign": "按专项活动", "by_channel": "按征集渠道", "by_district": "按地区",
    "by_topic": "按领域", "by_proposer_type": "按建议人类别", "by_decision": "按办理结果",
    "funnel": "各办理环节", "median_days": "各环节用时",
}  # fmt: skip
MISSING = "（无）"


@dataclass(frozen=True)
class Move:
    label: str
    old: str
    new: str
    difference: str  # "" when a side is not a number ('<5', missing)


@dataclass
class Figures:
    moves: list[Move] = field(default_factory=list)
    tables: list[tuple[str, int]] = field(default_factory=list)  # (table, figures that moved)

    def __bool__(self) -> bool:
        return bool(self.moves or self.tables)


def shown(value: object) -> str:
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def difference(old: object, new: object) -> str:
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (old, new))
    return f"{new - old:+g}" if numbers else ""


def leaves(value: object, path: tuple = ()) -> dict[tuple, object]:
    """A nested table as {(key, key...): figure}; keys as text, since YAML may
    write a year as 2024 or '2024'."""
    if isinstance(value, dict):
        return {leaf: v for key, sub in value.items() for leaf, v in leaves(sub, (*path, str(key))).items()}
    return {path: value}


def moved(old: object, new: object) -> int:
    before, after = leaves(old), leaves(new)
    return sum(1 for key in before.keys() | after.keys() if before.get(key) != after.get(key))


def compare_figures(old: object, new: object) -> Figures:
    """`old`/`new`: the parsed stats.yaml, None when it is unchanged or absent."""
    old, new = (value if isinstance(value, dict) else {} for value in (old, new))
    figures = Figures()
    totals_old, totals_new = (side.get("totals") or {} for side in (old, new))
    for key in [*TOTALS, *sorted((totals_old.keys() | totals_new.keys()) - TOTALS.keys())]:
        before, after = totals_old.get(key), totals_new.get(key)
        if before != after:
            figures.moves.append(Move(TOTALS.get(key, key), shown(before), shown(after), difference(before, after)))
    for key in [*SETTINGS, *TABLES, *sorted((old.keys() | new.keys()) - SETTINGS.keys() - TABLES.keys() - {"totals"})]:
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if isinstance(before, dict) or isinstance(after, dict):
            count = moved(before, after)
            if count:
                figures.tables.append((TABLES.get(key, key), count))
        else:
            figures.moves.append(Move(SETTINGS.get(key, key), shown(before), shown(after), difference(before, after)))
    return figures
