"""Printing views (status, score) as tables or JSON; no computation here."""
