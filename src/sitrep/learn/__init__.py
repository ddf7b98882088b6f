"""Small learned components over the typed model (numpy only, deterministic)."""
