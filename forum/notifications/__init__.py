"""Following questions and conditions; notifications on the site and by email; digests."""
