"""Analytics over the DuckDB store: dyad series, the escalation index and alerts with evidence.

See docs/analytics.md; ``signals`` defines what is counted, ``series`` the totals and time series,
``escalation`` the index, ``alerts`` the alerts and their evidence.
"""
