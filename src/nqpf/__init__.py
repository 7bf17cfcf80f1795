"""nqpf: data, claim engine and book helpers for the replication of 金融支持新质生产力取得明显进展."""

from importlib.metadata import PackageNotFoundError, version

try:  # one version, pyproject.toml's; CITATION.cff repeats it and a test keeps the two in step
    __version__ = version("nqpf")
except PackageNotFoundError:  # pragma: no cover - running from a source tree that was never installed
    __version__ = "unknown"
