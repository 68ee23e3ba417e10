"""Tools of the lora-harms site: the checker, the MkDocs hooks, the benchmark."""
