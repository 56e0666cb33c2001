"""The first stage: data/*.yml read, checked and merged into one immutable `Dataset`."""
