"""newsintel: sourced, structured intelligence about people, groups and their movements from news reporting."""

__version__ = "0.1.0"
