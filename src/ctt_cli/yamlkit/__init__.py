"""YAML backends: a fast positioned loader (libyaml) for reading, ruamel round-trip for fmt."""
