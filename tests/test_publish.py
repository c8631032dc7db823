"""`make publish`: the production build with publishconf.py, then the same checks as `make check`
on that output; any failure exits non-zero, says why in Chinese, and deletes the output.

Runs the real Makefile on the committed sample (read only) into tmp_path, with the build cache off.
Run from the project root: .venv/bin/python -m pytest tests/test_publish.py -q (about 20 s)
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import makefile_calls
import yaml
from bs4 import BeautifulSoup
from sitebuild import write_yaml

ROOT = Path(__file__).resolve().parents[1]
SITEURL = "https://jianyi.example.cn"
PHONE = "13852001234"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def make(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith("MAKE")}
    env.pop("SITEURL", None)
    env["SHOWCASE_CACHE"] = ""  # no shared build cache: each build stands alone
    command = ["make", "--no-print-directory", "-o", ".venv/.installed", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)


def published_proposal(data: Path) -> Path:
    for path in sorted((data / "proposals").glob("*.yaml")):
        if yaml.safe_load(path.read_text(encoding="utf-8"))["status"] == "published":
            return path
    raise AssertionError("the sample has no published proposal")


def with_leak(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of data/public with a mobile number planted in one published body."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "public", data)
    path = published_proposal(data)
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["body"] = f"如需了解情况，请打我手机{PHONE}。" + record["body"]
    write_yaml(path, record)
    return data, path


def test_publish_of_the_sample_builds_absolute_urls_and_passes_every_check(tmp_path):
    site = tmp_path / "site"
    result = make("publish", f"SITEURL={SITEURL}", f"OUTPUT={site}")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    for line in (
        "检查通过：data/public、",
        "链接与锚点：通过",
        "HTML 规范：通过",
        "订阅与站点地图：通过",
        "开放数据包：通过",
    ):
        assert line in output
    assert f"发布检查通过：{site} 可以部署（网址 {SITEURL}）。" in output
    page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("link", rel="stylesheet")["href"] == f"{SITEURL}/theme/css/site.css"
    footer = [a["href"] for a in page.select("footer a")]
    assert [f"{SITEURL}/{slug}/" for slug in ("about", "submit", "privacy", "contact")] == footer[:4]
    links = [link.get("href") for link in ElementTree.parse(site / "feeds" / "all.atom.xml").iter(f"{ATOM}link")]
    assert links and all(href.startswith(f"{SITEURL}/") for href in links)
    locations = {loc.text for loc in ElementTree.parse(site / "sitemap.xml").iter(f"{SITEMAP}loc")}
    assert locations >= {f"{SITEURL}/", f"{SITEURL}/privacy/", f"{SITEURL}/submit/"}


def test_publish_refuses_a_leak_says_why_and_leaves_nothing_to_deploy(tmp_path):
    data, leaked = with_leak(tmp_path)
    site = tmp_path / "site"
    result = make("publish", f"SITEURL={SITEURL}", f"DATA={data}", f"OUTPUT={site}")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert f"{leaked} 第" in output
    # The checks ran on the staging folder beside OUTPUT (sitepublish/), which was never swapped in.
    assert re.search(rf"{re.escape(str(tmp_path))}/\.site\.work/new-\w+/proposals/{leaked.stem}/index\.html 第", output)
    assert "疑似手机号 [mobile]" in output
    assert f"发布中止：检查未通过（原因见上）。已删除 {site}，不能部署；修正后重新运行 make publish。" in output
    assert PHONE not in output
    assert not site.exists()


def test_check_runs_the_same_checks_and_refuses_the_same_leak(tmp_path):
    data, leaked = with_leak(tmp_path)
    site = tmp_path / "site"
    result = make("check", f"DATA={data}", f"OUTPUT={site}")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert f"{site}/proposals/{leaked.stem}/index.html 第" in output
    assert "疑似手机号 [mobile]" in output
    assert "发布中止" not in output
    assert (site / "index.html").is_file()  # make check keeps its build to look at


def test_publish_refuses_data_the_site_cannot_be_built_from(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "public", data)
    path = published_proposal(data)
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["colour"] = "红"
    write_yaml(path, record)
    site = tmp_path / "site"
    result = make("publish", f"DATA={data}", f"OUTPUT={site}")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "发布中止：网站构建失败（原因见上）" in output
    assert not site.exists()


def test_publish_refuses_to_build_into_the_project_folder(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    (project / "keep.txt").write_text("不能被删除", encoding="utf-8")
    for output in (".", ".."):
        result = make("publish", f"OUTPUT={output}", cwd=project)
        assert result.returncode != 0
        assert f"发布中止：OUTPUT={output} 不能是项目目录或它的上级目录。" in result.stderr
    assert (project / "keep.txt").is_file()


# --- the forge workflow (.github/workflows/site.yml) ------------------------------------------------

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def workflow() -> dict:
    parsed = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    parsed["on"] = parsed.pop(True, parsed.get("on"))  # YAML 1.1 reads the key `on` as true
    return parsed


def run_lines(job: dict) -> list[str]:
    return [line.strip() for step in job["steps"] for line in step.get("run", "").splitlines() if line.strip()]


def make_commands(job: dict) -> list[list[str]]:
    return [shlex.split(line.split(">>")[0])[1:] for line in run_lines(job) if line.startswith("make ")]


def test_the_workflow_runs_on_pull_requests_and_on_main():
    assert workflow()["on"] == {"pull_request": None, "push": {"branches": ["main"]}}


def test_the_workflow_calls_only_make_targets_and_variables_that_exist():
    calls = [words for job in workflow()["jobs"].values() for words in make_commands(job)]
    assert len(calls) == 5
    for words in calls:
        assert makefile_calls.unknown(words) == [], f"make {' '.join(words)}"


def test_a_pull_request_is_tested_diffed_checked_and_previewed():
    job = workflow()["jobs"]["check"]
    assert job["if"] == "github.event_name == 'pull_request'"
    heads = [words[0] for words in make_commands(job)]
    assert heads == ["test", "export", "diff", "check"]
    export, diff = make_commands(job)[1:3]
    assert "DATA=build/ci-data" in export  # the sample's export never overwrites the published data
    assert "MARKDOWN=1" in diff
    assert any(line.startswith("make diff") and line.endswith('>> "$GITHUB_STEP_SUMMARY"') for line in run_lines(job))
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == makefile_calls.default("OUTPUT")


def test_a_pull_request_installs_what_ci_run_installs():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    needed = set(re.findall(r"missing\+=\((\S+)\)", script)) | set(
        re.findall(r"install -y .*? ([a-z-]+-jre[a-z-]*)", script)
    )
    assert "default-jre-headless" in needed and "chromium" in needed
    installed = set(
        " ".join(line for line in run_lines(workflow()["jobs"]["check"]) if "apt-get install" in line).split()
    )
    assert needed <= installed


def test_main_is_published_then_deployed_with_rsync_only_when_the_secrets_are_set():
    job = workflow()["jobs"]["publish"]
    assert job["if"] == "github.event_name == 'push'"
    assert [words[0] for words in make_commands(job)] == ["publish"]
    assert job["env"]["SITEURL"] == "${{ vars.SITEURL }}"
    assert job["env"]["DEPLOY_CONFIGURED"] == "${{ secrets.DEPLOY_HOST != '' && secrets.DEPLOY_SSH_KEY != '' }}"
    names = [step.get("name") for step in job["steps"]]
    deploy = job["steps"][names.index("Deploy (rsync over SSH)")]
    assert names.index("make publish") < names.index("Deploy (rsync over SSH)")
    assert deploy["if"] == "env.DEPLOY_CONFIGURED == 'true'"
    assert "rsync" in deploy["run"] and "output/" in deploy["run"] and "StrictHostKeyChecking=yes" in deploy["run"]
    assert job["steps"][names.index("No deploy secrets")]["if"] == "env.DEPLOY_CONFIGURED != 'true'"
