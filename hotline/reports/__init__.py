"""Reports: indicators assembled from the store, and their writers."""
