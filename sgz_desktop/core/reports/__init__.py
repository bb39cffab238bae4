"""Printed registers and forms (reportlab), with embedded Chinese fonts."""
