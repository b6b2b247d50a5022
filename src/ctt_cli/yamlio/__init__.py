"""YAML in one package: safe reading with positions (the fast libyaml reader), the round trip that
keeps comments (ruamel, for fmt) and the canonical layout fmt writes."""

from ctt_cli.yamlio.positions import Loc, offset_position, plain, position, strings
from ctt_cli.yamlio.reader import MAX_BYTES, Source, parse_yaml, read_yaml

__all__ = ["MAX_BYTES", "Loc", "Source", "offset_position", "parse_yaml", "plain", "position", "read_yaml", "strings"]
