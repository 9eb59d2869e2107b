"""Calls (事業の提示): what a department offers for partners to propose on."""
