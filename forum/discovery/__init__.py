"""Being found by search engines and feed readers: robots.txt, sitemaps, Atom feeds, and the
structured data (JSON-LD) on question pages. Everything here shows public content only: what a
signed-out reader may see, published, and shared with everyone.

May import: every feature below it (core up to search)."""
