"""Post monitoring: score online posts for black/gray-industry ads, link accounts by shared
contacts, and trace an ad to the complaint batch that carries the same contact."""
