"""The city's static site (`ctt site`): page data from the core views, HTML from jinja2 templates,
inline SVG charts, and a small script that only adds sorting and filtering."""
