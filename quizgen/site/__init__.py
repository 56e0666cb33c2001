"""The reference site: Markdown pages generated from the data at build time, and the MkDocs plugin."""
