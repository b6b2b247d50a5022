"""Vietnamese text utilities: tone marks and names, the citation grammar, NĐ 30 wording, numbers and dates."""
