"""`make bench`: how the forum's page cost grows with its size (it shouldn't). Not a test."""
