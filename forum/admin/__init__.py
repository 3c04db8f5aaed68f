"""Running the site: conditions, questions, treatments and side effects, reviewer
verification, job failures, and re-rendering stored HTML when the sanitising policy changes
(`flask content rerender`).

May import: every feature below it (core up to pages)."""
