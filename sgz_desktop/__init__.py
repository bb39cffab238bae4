"""sgz-desktop: the office administration suite of a social work service station (社工站)."""

__version__ = "0.1.0"
