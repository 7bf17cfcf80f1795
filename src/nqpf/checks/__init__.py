"""The check of every claim of the register, one module per section of the report.

Each module fills its own :class:`~nqpf.evidence.Registry` (``CHECKS``) with functions that
recompute a claim from ``data/`` and return :class:`~nqpf.evidence.Evidence`, or raise
:class:`~nqpf.evidence.NotCheckable` saying what is missing. :data:`REGISTRY` merges them in the
report's order, explicitly: a new section module is added to the list below. The engine
(:mod:`nqpf.engine`) turns the evidence into verdicts; nothing here decides one.
"""

from __future__ import annotations

from ..evidence import Registry
from . import concept, credit, industries, local, markets, recommendations, relending, structure

#: the section modules, in the report's order
SECTIONS = (concept, industries, relending, markets, local, credit, structure, recommendations)

REGISTRY: Registry = Registry.merge(*(module.CHECKS for module in SECTIONS))
