"""The project model in the window: training it, ordering articles by it."""
