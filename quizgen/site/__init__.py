"""The reference site: pages generated from data/ at build time, and the MkDocs plugin."""
