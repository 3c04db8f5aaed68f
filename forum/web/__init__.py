"""Web plumbing, the same for every feature: the page cache and kept fragments, the signal that
public content changed, security headers, error pages, odd input answered with a 4xx, form
errors, template helpers, canonical and absolute URLs, and /healthz.

May import: the core rung only, no feature: what it needs to know of them (which pages may
be kept, which tables readers see) the app factory hands it."""
