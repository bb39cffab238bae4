"""The thin Qt layer: pages that call core service functions and show their frozen results."""
