"""Reading articles from files and streams, and loading them into the store."""
