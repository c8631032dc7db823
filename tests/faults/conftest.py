import pytest

from .harness import Trees, build_trees


@pytest.fixture(scope="session")
def trees(tmp_path_factory) -> Trees:
    return build_trees(tmp_path_factory.mktemp("trees"))
