"""From paths to checked wards: finding ward folders, reading files (disk or git), loading the models,
the content cache, the parallel fan-out and the one pipeline every command uses."""
