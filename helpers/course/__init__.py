"""Course layer: exercises, saved work, provenance cards and the reliability assessment."""
