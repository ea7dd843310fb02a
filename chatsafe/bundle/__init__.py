"""The business-only bundle: a signed BagIt bag in a zip, and its verification."""
