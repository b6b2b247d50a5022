"""Pydantic models, one module per YAML file kind."""
