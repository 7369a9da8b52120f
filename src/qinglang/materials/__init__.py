"""materials stage."""
