"""``python -m sitepublish OUTPUT --build CMD --check CMD``: see ``__init__.py``.

Both commands are shell commands that find the staging folder in ``$STAGING``.
Exit status: 0 published; 1 refused (build or check failed, or OUTPUT busy); 2 usage.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from durable import faults, folders, lock

WHAT = "发布网站"


def _refuse(output: Path, why: str) -> int:
    shutil.rmtree(output, ignore_errors=True)
    print(f"发布中止：{why}（原因见上）。已删除 {output}，不能部署；修正后重新运行 make publish。", file=sys.stderr)
    return 1


def _sweep(work: Path) -> None:
    """The lock folders that builds into earlier staging trees left (``.new-XXXX.work``)."""
    for path in work.glob(f".{folders.NEW}*.work"):
        shutil.rmtree(path, ignore_errors=True)


def _run(command: str, staging: Path) -> bool:
    faults.point(f"publish:run:{command.split()[0]}")
    # The fault variables are this process's: the build and checks count their own points otherwise.
    env = {key: value for key, value in os.environ.items() if not key.startswith("SHOWCASE_FAULT_")}
    return subprocess.run(command, shell=True, env={**env, "STAGING": str(staging)}, check=False).returncode == 0


def publish(output: Path, build: str, check: str) -> int:
    try:
        held = lock.acquire(output, WHAT)
    except lock.Busy as busy:
        holder = busy.holder or "未知进程"
        print(f"发布中止：{output} 正被另一个进程使用（{holder}），请等它结束后再运行。", file=sys.stderr)
        return 1
    with held:
        recovered = folders.recover(output)  # always: a killed run's trees must go even when the lock says so
        if held.stale or recovered:
            print(f"上一次发布没有正常结束：已清理它留在 {folders.work_folder(output)} 的临时目录。")
        _sweep(folders.work_folder(output))
        staging = folders.staging_folder(output)
        print(f"在暂存目录 {staging} 中构建并检查；全部通过后才替换 {output}。")
        try:
            if not _run(build, staging):
                return _refuse(output, "网站构建失败")
            print("检查（与 make check 相同）：泄露扫描与数据格式，然后链接、HTML、订阅、开放数据包")
            if not _run(check, staging):
                return _refuse(output, "检查未通过")
            faults.point("publish:replace")
            folders.replace(staging, output)
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # gone already once swapped in
            _sweep(folders.work_folder(output))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitepublish", description="构建并检查网站，通过后整体替换 OUTPUT")
    parser.add_argument("output", type=Path)
    parser.add_argument("--build", required=True, help="在 $STAGING 中构建网站的命令")
    parser.add_argument("--check", required=True, help="检查 $STAGING 的命令")
    args = parser.parse_args(argv)
    return publish(args.output.absolute(), args.build, args.check)


if __name__ == "__main__":
    sys.exit(main())
