"""The supply chain: hash-locked Python requirements, GitHub Actions pinned to commit SHAs,
Dependabot updates (check_supply)."""
