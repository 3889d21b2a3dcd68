"""Speed and memory benchmarks of the alignment engine (`python -m benchmarks`, `make bench`)."""
