"""flashpoint: offline, evidence-linked conflict intelligence from news articles."""

__version__ = "0.1.0"
