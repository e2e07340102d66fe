"""Reform documents: from scraped texts to a cross-linked reference site."""
