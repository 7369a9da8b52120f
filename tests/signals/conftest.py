import pytest
from signal_builders import background


@pytest.fixture(scope="module")
def bg():
    return background()
