"""Build-performance benchmark of the playbook: see benchmarks/README.md."""
