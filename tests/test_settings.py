"""Settings: defaults, then TOML, then FLASHPOINT_* variables, then flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.errors import ConfigError
from flashpoint.settings import Settings, load_settings, settings_fields


def test_settings_layers_override_in_order(tmp_path: Path) -> None:
    config = tmp_path / "fp.toml"
    config.write_text('model = "from_toml"\nbatch_size = 8\nworkers = 3\n')
    env = {"FLASHPOINT_BATCH_SIZE": "16", "FLASHPOINT_ACTOR_FILES": "a.csv,b.yaml"}
    settings = load_settings(config, overrides={"workers": 5, "model": None}, environ=env)
    assert settings.model == "from_toml"
    assert settings.batch_size == 16
    assert settings.workers == 5
    assert settings.actor_files == (Path("a.csv"), Path("b.yaml"))


def test_settings_accepts_flashpoint_table(tmp_path: Path) -> None:
    config = tmp_path / "fp.toml"
    config.write_text('[flashpoint]\nmodel = "en_core_web_md"\n')
    assert load_settings(config, environ={}).model == "en_core_web_md"


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("model = ", "invalid TOML"),
        ("batch_size = 0", "batch_size"),
        ("no_such_setting = 1", "no_such_setting"),
    ],
)
def test_settings_bad_file_is_a_clear_error(tmp_path: Path, content: str, fragment: str) -> None:
    config = tmp_path / "fp.toml"
    config.write_text(content)
    with pytest.raises(ConfigError, match=fragment) as info:
        load_settings(config, environ={})
    assert "fp.toml" in str(info.value)


def test_settings_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "absent.toml", environ={})


def test_settings_every_field_is_documented() -> None:
    docs = settings_fields()
    assert set(docs) == set(Settings.model_fields)
    assert all(len(text) > 10 for text in docs.values())
