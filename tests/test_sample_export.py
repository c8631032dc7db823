"""The committed sample and its committed export agree, and the export
carries no personal value of the sample."""

import csv
import subprocess
import sys

import pytest
import yaml
from exports import ROOT, SCHEMA, tree
from pelican import Pelican
from pelican.settings import read_settings

from pipeline.anonymise import settings

SAMPLE, PUBLIC = ROOT / "data" / "sample", ROOT / "data" / "public"


YES = {"是", "y", "yes", "1", "true"}


def credited_names():
    return {row["获奖人姓名"] for row in rows("commendations") if row["同意署名"].strip().lower() in YES}


def rows(table):
    with open(SAMPLE / SCHEMA[table]["file"], encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_make_export_reproduces_committed_public_data(tmp_path):
    out = tmp_path / "public"
    subprocess.run(["make", "--no-print-directory", "export", f"DATA={out}"], cwd=ROOT, check=True,
                   capture_output=True)  # fmt: skip
    assert tree(out) == tree(PUBLIC)


def test_sample_is_marked_synthetic():
    assert yaml.safe_load((PUBLIC / "stats.yaml").read_text(encoding="utf-8"))["synthetic"] is True


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site built from the committed data/public."""
    output = tmp_path_factory.mktemp("site")
    settings = read_settings(
        str(ROOT / "pelicanconf.py"), override={"SHOWCASE_DATA": str(PUBLIC), "OUTPUT_PATH": str(output)}
    )
    Pelican(settings=settings).run()
    return output


@pytest.mark.parametrize("folder", ["public", "site"])
def test_no_personal_value_of_the_sample_appears_in_public_data_or_site(folder, request):
    personal = [c["header"] for c in SCHEMA["suggestions"]["columns"].values() if c.get("personal")]
    generic = set(settings()["generic_values"])
    values = {row[h].strip() for row in rows("suggestions") for h in personal} - generic - {""}
    # A commendation names its recipient only with consent, in that year's awards file.
    credited = credited_names()
    uncredited = {row["获奖人姓名"] for row in rows("commendations")} - credited
    assert len(values) > 500 and credited and uncredited
    files = tree(PUBLIC) if folder == "public" else tree(request.getfixturevalue("site"))
    assert any(path.endswith(".html") for path in files) or folder == "public"
    for path, content in files.items():
        if not path.endswith((".yaml", ".html", ".xml", ".json", ".csv", ".txt")):
            continue
        text = content.decode("utf-8")
        # Credited names are published on purpose, in the awards' YAML and pages only
        # (commendations/..., and its copy under data/yaml/commendations/).
        if "commendations/" in path:
            for name in sorted(credited, key=len, reverse=True):
                text = text.replace(f"recipient: {name}\n", "recipient: (credited)\n")
                text = text.replace(f">{name}</span>", ">(credited)</span>")
        leaked = sorted(v for v in values | uncredited if v in text)
        assert leaked == [], path


def test_credited_recipients_are_named():
    text = "".join(c.decode() for p, c in tree(PUBLIC).items() if p.startswith("commendations/"))
    assert all(f"recipient: {name}\n" in text for name in credited_names())


def test_the_four_real_outcome_stories_keep_their_figures():
    stories = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (PUBLIC / "stories").glob("*.yaml")}
    figures = {(m["before"], m["after"]) for s in stories.values() for m in s["metrics"]}
    assert {(148, 61), (20, 31), (None, 44), (None, 24), (None, 18), (None, 500), (None, 100)} <= figures
    assert all(s["proposals"] for s in stories.values())


def test_check_passes_on_committed_data():
    result = subprocess.run([sys.executable, "-m", "pipeline", "check", str(PUBLIC)], cwd=ROOT, capture_output=True)
    assert result.returncode == 0, result.stderr.decode()


def test_generated_csv_and_xlsx_exports_publish_the_same_bytes(cli, tmp_path):
    from pipeline.sample import generate

    trees = []
    for fmt in ("csv", "xlsx"):
        generate(tmp_path / fmt, rows=600, seed=7, fmt=fmt)
        status, _, err = cli("export", "--input", tmp_path / fmt, "--out", tmp_path / f"out-{fmt}")
        assert status == 0, err
        trees.append(tree(tmp_path / f"out-{fmt}"))
    assert trees[0] == trees[1]
    assert sum(p.startswith("proposals/") for p in trees[0]) > 150


def test_garbage_input_is_refused_without_traceback(cli, tmp_path):
    folder = tmp_path / "garbage"
    folder.mkdir()
    (folder / "export.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    status, out, err = cli("export", "--input", folder, "--out", tmp_path / "out")
    assert (status, out) == (1, "")
    assert "[file.unreadable]" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()
