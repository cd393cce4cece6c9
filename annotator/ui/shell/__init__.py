"""The window around the features: article list, label bar, menus, keys."""
