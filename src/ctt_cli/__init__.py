"""ctt: the "Chính quyền thân thiện" plan of a Vietnamese ward, kept as code."""

__version__ = "0.1.0"
