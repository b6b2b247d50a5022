"""ctt import: a ward's Word plan read into its data files."""
