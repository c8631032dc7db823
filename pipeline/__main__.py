"""Command line: `python -m pipeline export|check|sample|diff`.

Exit status: 0 done; 1 the input was refused, or DATA could not be written
(disk full, read-only, another export running): nothing written; 2 usage error.
Messages are in Chinese for staff and never carry personal data."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import traceback
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

from durable.faults import point

from . import checks, diff, public_records, public_sessions
from .anonymise import Anonymiser
from .audit import AuditLog
from .config import ROOT, ConfigError, Vocabulary, load_schema, load_vocabulary
from .datafolder import WriteFailed, failure, locked
from .export import layout, read_previous_records, statuses, write_tree
from .leaks import format_leak, raw_values, scan
from .leaks.patterns import RAW_SHORT_NAME
from .leaks.raw import values_of
from .load import load_dataset_info, load_export
from .normalise import clean_table, parse_table
from .problems import Problem, format_problem, in_reading_order, problem
from .publication import plan, public_id, publishable
from .stats import compute
from .validate import validate

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def progress(message: str) -> None:
    """Progress for a person at a terminal; quiet in CI and scripts."""
    if sys.stderr.isatty():
        print(f"… {message}", file=sys.stderr, flush=True)


def refuse(problems: list[Problem]) -> int:
    print(f"导出被拒绝：发现 {len(problems)} 个问题，未写入任何文件。", file=sys.stderr)
    for item in problems:
        print(f"  {format_problem(item)}", file=sys.stderr)
    return EXIT_REFUSED


def read_export(input_path: Path, mapping: Path | None, vocabulary: Vocabulary) -> tuple[dict, dict, list[Problem]]:
    """load -> clean -> parse -> validate: the cleaned tables, their canonical
    values, and every problem."""
    progress(f"读取 {input_path}")
    point("step:read")
    schema = load_schema(mapping)
    tables, problems = load_export(input_path, schema)
    tables = {name: clean_table(table) for name, table in tables.items()}
    progress("校验")
    point("step:validate")
    parsed = {name: parse_table(table, vocabulary) for name, table in tables.items()}
    problems += validate(tables, parsed, vocabulary)
    order = {t.source: {c.header: i for i, c in enumerate(t.spec.columns.values())} for t in tables.values()}
    return tables, parsed, in_reading_order(problems, order)


def export(args: argparse.Namespace) -> int:
    point("step:start")
    audit_dir = args.audit.resolve()
    for place in (args.out, args.input):
        if audit_dir == place.resolve() or place.resolve() in audit_dir.parents:
            print(
                f"审计报告不能写入 {place}：请用 --audit 指定项目内被 git 忽略的文件夹（默认 audit/）", file=sys.stderr
            )
            return EXIT_USAGE
    try:
        with locked(args.out):  # before the previous DATA is read: no other run may change it meanwhile
            return export_locked(args)
    except WriteFailed as failed:
        print(failed, file=sys.stderr)
        return EXIT_REFUSED


def export_locked(args: argparse.Namespace) -> int:
    vocabulary = load_vocabulary()
    tables, parsed, problems = read_export(args.input, args.mapping, vocabulary)
    if problems:
        return refuse(problems)

    suggestions, stories, metrics, awards = (
        parsed[name] for name in ("suggestions", "stories", "story_metrics", "commendations")
    )
    mask = publishable(suggestions, vocabulary)
    selected = suggestions[mask]
    published_ids = {public_id(case) for case in selected["case_id"]}
    earlier = read_previous_records(args.out)
    previous = statuses(earlier["proposals"])
    decided = plan(published_ids, previous)
    before = sum(1 for status in previous.values() if status == "published")
    if decided.taken_down_share(before) > args.max_takedown and not args.confirm_withdrawals:
        return refuse([problem(str(args.out), "guard.withdrawals", expected=f"{len(decided.taken_down)}/{before}")])

    progress(f"匿名化 {len(selected)} 条建议")
    point("step:anonymise")
    k = args.k
    sessions = parsed.get("sessions")
    attendees = public_sessions.attendee_records(sessions)
    anonymiser = Anonymiser([*suggestions.to_dict("records"), *awards.to_dict("records"), *attendees])
    audit = AuditLog()
    proposals = public_records.proposals(selected, stories, awards, vocabulary, k, anonymiser, audit)
    proposals.update({pid: public_records.tombstone(pid) for pid in decided.tombstones})
    proposals = public_records.stamp(proposals, earlier["proposals"], args.as_of, public_records.PROPOSAL_KEYS)
    published_stories = public_records.stories(stories, metrics, suggestions, published_ids, anonymiser, audit)
    point("step:stats")
    info = load_dataset_info(args.input)
    stats = compute(suggestions, mask, awards, len(decided.tombstones), vocabulary, k, info.get("synthetic", False))
    held = public_sessions.publishable(sessions)
    published_sessions = public_sessions.sessions(held, suggestions, published_ids, anonymiser, audit)
    session_plan = plan(set(published_sessions), statuses(earlier["sessions"]))
    published_sessions.update({sid: public_records.tombstone(sid) for sid in session_plan.tombstones})
    files = layout(
        proposals,
        public_records.stamp(published_stories, earlier["stories"], args.as_of, public_records.STORY_KEYS),
        public_records.commendations(awards, published_ids, vocabulary, k, anonymiser, audit),
        stats,
        public_records.stamp(published_sessions, earlier["sessions"], args.as_of, public_sessions.SESSION_KEYS),
    )
    found = checks.check_files(files)
    if found:
        return refuse(found)
    progress(f"写入 {args.out}")
    raw = values_of(tables, vocabulary)

    def verify(staged: Path) -> list:
        """The leak scan over the staged files, named as they will be published."""
        found = scan([staged], raw)
        return report_leaks([replace(leak, file=leak.file.replace(str(staged), str(args.out), 1)) for leak in found])

    def write_audit() -> None:
        """Before the exchange: a report that cannot be written fails the run with DATA untouched."""
        try:
            audit.write(args.audit)
        except OSError as error:
            raise WriteFailed(failure(error, args.audit)) from None
        point("step:audit-written")

    try:
        staged_leaks = write_tree(args.out, files, verify=verify, before_swap=write_audit)
    except OSError as error:
        raise WriteFailed(failure(error, args.out)) from None
    if staged_leaks:
        print(
            f"导出被拒绝：泄露扫描在待发布文件中发现 {len(staged_leaks)} 处疑似个人信息，未写入任何文件。",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    print(
        f"导出完成：读取 {len(suggestions)} 条建议，公开 {len(published_ids)} 条，"
        f"撤下（保留撤回页）{len(decided.tombstones)} 条，"
        f"不公开 {len(suggestions) - len(published_ids)} 条；写入 {len(files)} 个文件到 {args.out}"
    )
    print(f"导出日期：{args.as_of}（新公开、更新和撤回的记录都记为这一天）")
    totals = audit.totals()
    removed = "，".join(f"{family} {count}" for family, count in sorted(totals.items())) or "无"
    print(f"隐去个人信息：{removed}；需人工查看 {len(audit.flagged())} 处；审计报告：{args.audit / 'report.md'}")
    point("step:done")
    return EXIT_OK


def report_leaks(found: list) -> list:
    """Print the leak scan's findings; -> those that fail the run. A short
    name inside ordinary words (`raw_short_name`: 高峰 in 早高峰) is for review."""
    leaks = [leak for leak in found if leak.family != RAW_SHORT_NAME]
    review = [leak for leak in found if leak.family == RAW_SHORT_NAME]
    for leak in leaks:
        print(f"  {format_leak(leak)}", file=sys.stderr)
    if review:
        print(f"请人工确认（{len(review)} 处：原始导出中的两字姓名出现在普通词语中）：", file=sys.stderr)
        for leak in review:
            print(f"  {format_leak(leak)}", file=sys.stderr)
    return leaks


def check(args: argparse.Namespace) -> int:
    """Schema check of published-data folders, and the leak scan over every
    folder given (published data, a built site)."""
    missing = [folder for folder in args.dirs if not folder.exists()]
    if missing:
        print(f"找不到要检查的文件夹：{'、'.join(map(str, missing))}", file=sys.stderr)
        return EXIT_USAGE
    problems = [
        item for folder in args.dirs if checks.is_published_data(folder) for item in checks.check_folder(folder)
    ]
    for item in problems:
        print(f"  {format_problem(item)}", file=sys.stderr)
    leaks = report_leaks(scan(list(args.dirs), raw_values(args.raw, args.mapping) if args.raw else None))
    if problems or leaks:
        print(f"检查未通过：{len(problems)} 个数据问题，{len(leaks)} 处疑似个人信息。", file=sys.stderr)
        return EXIT_REFUSED
    print(f"检查通过：{'、'.join(str(d) for d in args.dirs)}（未发现个人信息）")
    return EXIT_OK


def sample(args: argparse.Namespace) -> int:
    from .sample import generate

    generate(args.out, rows=args.rows, seed=args.seed, fmt=args.format)
    print(f"已生成 {args.rows} 条合成建议到 {args.out}")
    return EXIT_OK


def export_date(text: str) -> str:
    """--as-of: a real calendar day written YYYY-MM-DD."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"导出日期应为 YYYY-MM-DD 格式的日期，实为 {text!r}")


def today_in_xuzhou() -> str:
    return dt.datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m pipeline", description="倾听徐州 data pipeline")
    main.add_argument("--debug", action="store_true", help="show a traceback on an internal error")
    commands = main.add_subparsers(dest="command", required=True)

    run = commands.add_parser("export", help="staff export -> data/public")
    run.add_argument("--input", type=Path, required=True, help="folder of CSVs, or an .xlsx workbook")
    run.add_argument("--out", type=Path, required=True, help="published data folder (replaced atomically)")
    run.add_argument("--mapping", type=Path, help="header mapping file for another export layout")
    run.add_argument(
        "--audit", type=Path, default=ROOT / "audit", help="folder for the audit report (git-ignored; default audit/)"
    )
    run.add_argument("--k", type=int, default=5, help="suppress counts below k (default 5)")
    run.add_argument(
        "--max-takedown",
        type=float,
        default=0.2,
        help="refuse if more than this share of published records would be taken down (default 0.2)",
    )
    run.add_argument(
        "--confirm-withdrawals", action="store_true", help="confirm an export that takes down more than --max-takedown"
    )
    run.add_argument(
        "--as-of",
        type=export_date,
        default=today_in_xuzhou(),
        help="export date YYYY-MM-DD for the records' first_published/last_updated/withdrawn_on "
        "(default: today in Asia/Shanghai)",
    )
    run.set_defaults(handler=export)

    verify = commands.add_parser("check", help="schema check and leak scan of published data and built sites")
    verify.add_argument("dirs", type=Path, nargs="+")
    verify.add_argument("--raw", type=Path, help="also look for every personal value of this raw export")
    verify.add_argument("--mapping", type=Path, help="header mapping file of the raw export")
    verify.set_defaults(handler=check)

    make = commands.add_parser("sample", help="write a synthetic raw export")
    make.add_argument("--out", type=Path, required=True)
    make.add_argument("--rows", type=int, default=300)
    make.add_argument("--seed", type=int, default=20241)
    make.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    make.set_defaults(handler=sample)

    diff.add_parser(commands)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if getattr(args, "k", 1) < 1:
        parser().error("--k must be at least 1")
    try:
        return args.handler(args)
    except ConfigError as error:
        print(f"配置错误：{error}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # no traceback for staff; --debug shows it
        if args.debug:
            traceback.print_exc()
        print(f"内部错误（{type(error).__name__}），未写入任何文件。加 --debug 查看详情。", file=sys.stderr)
        return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())
