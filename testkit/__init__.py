"""Helpers shared by the tests, the benchmarks and the deployment harness: a server on a free
loopback port, polled until healthy, and headless Chromium with every request off the machine
blocked. Imported from the project folder (pytest's ``pythonpath``; ``python -m bench.run``)."""
