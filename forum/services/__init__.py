"""The domain: every rule and every write lives in these modules."""
