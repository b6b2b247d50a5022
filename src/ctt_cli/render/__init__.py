"""Official documents: contexts built from the data, rendered into .docx templates.

Nothing here is imported on the validate/status/score paths: docx, docxtpl and
jinja2 are loaded only when a document is rendered.
"""
