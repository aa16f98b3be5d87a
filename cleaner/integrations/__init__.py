"""Bridges from cleaner to other tools. Each needs its own extra and is imported on its own:

    cleaner.integrations.datatrove    pip install 'cleaner[datatrove]'

Nothing here is imported by `import cleaner`.
"""
