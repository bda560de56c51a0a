"""Pages of planning, one module per subject; ``planning.urls`` names them."""
