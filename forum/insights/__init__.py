"""Reading across answers: what members report, sorting and filtering, helpful votes,
treatment pages and the side-by-side comparison."""
