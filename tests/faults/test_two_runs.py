"""One export at a time per DATA. A second export while one runs is refused
at once (exit 1, DATA untouched) with a Chinese message naming DATA and the
holder; the first completes. A killed holder's lock is taken over, and said so."""

from __future__ import annotations

import os

from durable import lock

from .harness import Case, start_export, wait_for

BUSY = "导出被拒绝：{data} 正在被另一次导出使用（进程 {pid}（{what}，开始于 "


def test_a_second_export_is_refused_while_the_first_runs(trees, tmp_path):
    case = Case(tmp_path, trees)
    resume = tmp_path / "resume"
    first = start_export(case.data, tmp_path / "audit-1", PAUSE="step:before-swap", RESUME=resume)
    try:
        wait_for(resume.with_name("resume.paused"), first)  # staged, checked, holding the lock
        second = case.export()
        assert second.returncode == 1, second.stderr
        assert BUSY.format(data=case.data, pid=first.pid, what="导出") in second.stderr
        assert "未做任何改动" in second.stderr and "Traceback" not in second.stderr
        assert second.stdout == ""
        assert case.tree() == trees.old
    finally:
        resume.touch()
        out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert "导出完成" in out
    assert case.tree() == trees.new
    assert case.leftovers() == []


def test_an_export_is_refused_while_the_test_holds_the_lock(trees, tmp_path):
    case = Case(tmp_path, trees)
    with lock.acquire(case.data, "构建"):
        refused = case.export()
    assert refused.returncode == 1
    assert BUSY.format(data=case.data, pid=os.getpid(), what="构建") in refused.stderr
    assert case.tree() == trees.old
    after = case.export()  # released: the next export runs, and hears of no unfinished run
    assert after.returncode == 0, after.stderr
    assert "没有正常结束" not in after.stderr


def test_a_killed_holders_lock_is_taken_over_and_said_so(trees, tmp_path):
    case = Case(tmp_path, trees)
    resume = tmp_path / "resume"
    killed = start_export(case.data, case.audit, PAUSE="step:read", RESUME=resume)
    wait_for(resume.with_name("resume.paused"), killed)
    killed.kill()  # SIGKILL while it holds the lock
    killed.communicate(timeout=60)
    assert killed.returncode == -9
    taken = case.export()
    assert taken.returncode == 0, taken.stderr
    assert f"注意：上一次导出没有正常结束（进程 {killed.pid}（导出，开始于 " in taken.stderr
    assert "已接管它留下的锁" in taken.stderr
    assert case.tree() == trees.new
    again = case.export()
    assert again.returncode == 0 and "没有正常结束" not in again.stderr, again.stderr
