"""nqpf: data, claim engine and book helpers for the replication of 金融支持新质生产力取得明显进展."""

__version__ = "0.1.0"
