"""The pipeline's YAML on a machine without libyaml: does it still work, and give the same bytes?

``python benchmarks/yaml_fallback.py FILE...`` hides PyYAML's C extension (``yaml._yaml``) before
anything imports ``yaml``, exactly as if PyYAML had been built without libyaml, then reads and
re-writes each published YAML file with pipeline/yamlio.py and compares with the file's bytes.
Exit 0: the fallback exists and every file is identical; 1 otherwise (the reason is printed).
"""

import sys

sys.modules["yaml._yaml"] = None  # import of libyaml's binding now fails: PyYAML falls back to pure Python

from pathlib import Path  # noqa: E402

import yaml  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python benchmarks/yaml_fallback.py FILE...", file=sys.stderr)
        return 2
    assert not yaml.__with_libyaml__
    try:
        from pipeline import yamlio

        paths = [Path(name) for name in argv]
        differ = [p for p in paths if yamlio.dump(yamlio.load(p.read_text(encoding="utf-8"))) != p.read_text("utf-8")]
    except (AttributeError, ImportError) as error:
        print(f"no pure-Python fallback: {type(error).__name__}: {error}")
        return 1
    print(f"pure-Python fallback: {len(paths) - len(differ)} of {len(paths)} files identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
