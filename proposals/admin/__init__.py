"""Admin pages of the lifecycle: the guideline's data, then each stage from call to evaluation.

Workflow states are read-only here: only the transition services change them. What the
lifecycle has frozen (submitted scores, published results, confirmed agreements…) is shown
read-only (see frozen.py).
"""

from . import guideline, lifecycle  # noqa: F401  (registers the model admins)
