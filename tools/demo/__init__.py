"""Demo content for trying out the forum: fictional members, questions, summaries and answers."""
