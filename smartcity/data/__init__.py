"""Reading and checking the tables: each file's columns and rules, the province names, the rounds,
the sources' confidence, the boundaries; ``validate`` puts them together."""
